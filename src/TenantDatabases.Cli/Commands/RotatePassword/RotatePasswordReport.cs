using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotatePassword;

/// <summary>The JSON of <c>tenantdb rotate-password --format json</c>; it never holds a password.</summary>
internal sealed record RotatePasswordReport(
    string Stack, string Server, string? Record, RotationOutcome Outcome, bool Succeeded, IReadOnlyList<RotationStep> Steps,
    IReadOnlyList<string> Manual, IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static RotatePasswordReport From(string stack, ServerPasswordResult result) =>
        new(stack, result.Server, result.Record, result.Outcome, result.Succeeded, result.Steps, result.Manual,
            ProblemOutput.ToRecords(result.Problems, result.ProblemFile), result.Problem);
}
