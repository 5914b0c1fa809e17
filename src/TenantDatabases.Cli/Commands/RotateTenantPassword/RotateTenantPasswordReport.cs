using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotateTenantPassword;

/// <summary>The JSON of <c>tenantdb rotate-tenant-password --format json</c>.</summary>
internal sealed record RotateTenantPasswordReport(
    string Stack, string? File, bool Written, IReadOnlyList<RaisedPasswordVersion> Raised, IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static RotateTenantPasswordReport From(string stack, TenantPasswordResult result) =>
        new(stack, result.StackFile, result.Succeeded, result.Raised, ProblemOutput.ToRecords(result.Problems, result.StackFile), result.Problem);
}
