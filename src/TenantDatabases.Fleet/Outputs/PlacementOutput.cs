using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>One tenant's placement as the <c>placements</c> output describes it.</summary>
/// <param name="TenantId">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Role">Its owner role (unquoted).</param>
public sealed record PlacementOutput(string TenantId, string Server, string Database, string Role)
{
    /// <summary>The entry the program declares for <paramref name="tenant"/>.</summary>
    public static PlacementOutput From(TenantPlan tenant) =>
        new(tenant.Id, tenant.Server, tenant.DatabaseName, tenant.RoleName);
}
