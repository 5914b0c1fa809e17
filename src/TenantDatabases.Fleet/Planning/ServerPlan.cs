namespace TenantDatabases.Fleet.Planning;

/// <summary>A server as the plan declares it.</summary>
/// <param name="Name">The server's configuration name.</param>
/// <param name="ProviderName">The Pulumi resource name of its provider; derived from <paramref name="Name"/> alone.</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Username">Admin role.</param>
/// <param name="Region">Region, when set.</param>
/// <param name="IsDefault">Whether it is the stack's default server.</param>
/// <param name="SslMode">libpq sslmode spelling.</param>
/// <param name="MaxTenants">Capacity.</param>
/// <param name="AdminDatabase">Database the admin connects to.</param>
/// <param name="TenantCount">Tenants pinned to it.</param>
public sealed record ServerPlan(
    string Name,
    string ProviderName,
    string Host,
    int Port,
    string Username,
    string? Region,
    bool IsDefault,
    string SslMode,
    int MaxTenants,
    string AdminDatabase,
    int TenantCount)
{
    /// <summary>Share of <see cref="MaxTenants"/> in use, 0..1 (above 1 only in invalid configuration).</summary>
    public double Utilisation => MaxTenants <= 0 ? 1 : (double)TenantCount / MaxTenants;
}
