namespace TenantDatabases.Operations.Rotation;

/// <summary>What <c>tenantdb rotate-password</c> was asked to do (the new password, a secret, is passed apart).</summary>
/// <param name="Stack">The stack.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c> to take the current password from, or null.</param>
/// <param name="Server">The server whose admin password is rotated.</param>
/// <param name="DryRun">Check that every step can be done and change nothing.</param>
/// <param name="Timeout">Bound of each connection and statement.</param>
public sealed record ServerPasswordRequest(string Stack, string? WorkingDirectory, string? ConfigJson, string Server, bool DryRun, TimeSpan Timeout);
