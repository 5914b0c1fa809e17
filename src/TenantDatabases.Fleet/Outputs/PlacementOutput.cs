using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>One tenant's placement as the <c>placements</c> output describes it.</summary>
/// <param name="TenantId">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Role">Its owner role (unquoted).</param>
/// <param name="Protection">What the deploy applied: whether its database may be deleted, and whether a delete keeps it.</param>
/// <param name="PasswordVersion">The owner password's version the deploy applied.</param>
public sealed record PlacementOutput(string TenantId, string Server, string Database, string Role, TenantProtection Protection, int PasswordVersion = 1)
{
    /// <summary>The entry the program declares for <paramref name="tenant"/>.</summary>
    public static PlacementOutput From(TenantPlan tenant) =>
        new(tenant.Id, tenant.Server, tenant.DatabaseName, tenant.RoleName, tenant.Protection, tenant.PasswordVersion);
}
