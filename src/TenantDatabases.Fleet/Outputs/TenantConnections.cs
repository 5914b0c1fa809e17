namespace TenantDatabases.Fleet.Outputs;

/// <summary>The tenants of a stack's <c>tenants</c> output: secret-free targets in id order, and their passwords apart.</summary>
/// <param name="Tenants">Every tenant's connection, without its password.</param>
/// <param name="Passwords">Their owner passwords.</param>
public sealed record TenantConnections(IReadOnlyList<TenantTarget> Tenants, TenantPasswords Passwords);
