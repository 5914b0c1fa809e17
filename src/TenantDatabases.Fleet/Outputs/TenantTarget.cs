using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// One tenant database as the <c>tenants</c> output describes it, without its password (safe to print and report).
/// <see cref="Username"/> is the tenant's owner role: migrations and checks connect as it, with the
/// <see cref="SslMode"/> of the tenant's server (Prefer for outputs of a deploy from before the key existed).
/// </summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Region">Its server's region; empty when the server has none.</param>
/// <param name="Host">Its server's host.</param>
/// <param name="Port">Its server's port.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Username">Its owner role (unquoted).</param>
/// <param name="SslMode">Its server's sslMode.</param>
public sealed record TenantTarget(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username,
    SslMode SslMode = SslMode.Prefer)
{
    /// <summary>The connection the program declares for <paramref name="tenant"/> on <paramref name="server"/>.</summary>
    public static TenantTarget From(TenantPlan tenant, ServerPlan server) =>
        new(tenant.Id, tenant.Server, tenant.Region ?? "", server.Host, server.Port, tenant.DatabaseName, tenant.RoleName,
            SslModeNames.TryParse(server.SslMode, out var mode)
                ? mode
                : throw new ArgumentException($"Server '{server.Name}' has no libpq sslMode; plan it with FleetPlanner.", nameof(server)));
}
