namespace TenantDatabases.Operations.Tenants;

/// <summary>Which tenants a run (migrate, verify) works on: where the stack outputs come from, and the filters.</summary>
/// <param name="Stack">Read the outputs with <c>pulumi stack output</c> of this stack; null when <paramref name="OutputsFile"/> is given.</param>
/// <param name="WorkingDirectory">Where the Pulumi CLI runs (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="OutputsFile">A saved outputs file, or <c>-</c> for standard input; null to ask the Pulumi CLI.</param>
/// <param name="Tenants">Only these tenants (none: every tenant).</param>
/// <param name="Servers">Only the tenants of these servers (none: every server).</param>
public sealed record TenantRunRequest(
    string? Stack, string? WorkingDirectory, string? OutputsFile, IReadOnlyList<string> Tenants, IReadOnlyList<string> Servers)
{
    /// <summary>Every tenant of the outputs of <paramref name="stack"/>, or of the saved <paramref name="outputsFile"/> when given.</summary>
    public static TenantRunRequest Everyone(string stack, string? workingDirectory, string? outputsFile) =>
        outputsFile is null ? new(stack, workingDirectory, null, [], []) : new(null, workingDirectory, outputsFile, [], []);
}
