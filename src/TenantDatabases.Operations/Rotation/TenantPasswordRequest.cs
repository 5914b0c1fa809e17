namespace TenantDatabases.Operations.Rotation;

/// <summary>Which tenants' owner passwords to rotate: one tenant, or every tenant of a server.</summary>
/// <param name="Stack">The stack whose file is edited.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="TenantId">The tenant, or null with <paramref name="Server"/>.</param>
/// <param name="Server">Every tenant of this server, when <paramref name="TenantId"/> is null.</param>
public sealed record TenantPasswordRequest(string Stack, string? WorkingDirectory, string? TenantId, string? Server);
