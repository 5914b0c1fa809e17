using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Validate;

/// <summary>The JSON of <c>tenantdb validate --format json</c>.</summary>
internal sealed record ValidationReport(
    string Stack, string? File, bool Valid, int Errors, int Warnings, int? Servers, int? Tenants,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static ValidationReport From(string stack, StackLoadResult load) => new(
        stack, load.DisplayFile, load.IsValid, load.Errors.Count(), load.Warnings.Count(),
        load.Configuration?.Servers.Count, load.Configuration?.Tenants.Count,
        ProblemOutput.ToRecords(load.Problems, load.DisplayFile), load.Problem);
}
