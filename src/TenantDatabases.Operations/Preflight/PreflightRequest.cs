namespace TenantDatabases.Operations.Preflight;

/// <summary>What <c>tenantdb preflight</c> was asked to check.</summary>
/// <param name="Stack">The stack whose servers are checked.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c> to read instead of the stack file, or null.</param>
/// <param name="Timeout">Bound of each server's whole check.</param>
public sealed record PreflightRequest(string Stack, string? WorkingDirectory, string? ConfigJson, TimeSpan Timeout);
