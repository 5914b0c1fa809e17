using Pulumi;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Tenants;

/// <summary>What a <see cref="TenantDatabase"/> declares, copied from the plan.</summary>
/// <param name="Tenant">The tenant's plan: names, connection limit, protection.</param>
/// <param name="AdminUsername">The server's admin role, which creates the tenant's database.</param>
/// <param name="Provider">The provider of the tenant's server.</param>
/// <param name="Locale">LC_COLLATE and LC_CTYPE; null keeps the server's.</param>
/// <param name="After">The last operation of every earlier tenant in its lane (<see cref="TenantLanes"/>): none of its own starts before them.</param>
public sealed record TenantDatabaseArgs(
    TenantPlan Tenant,
    string AdminUsername,
    ProviderResource Provider,
    string? Locale,
    IReadOnlyList<Resource> After)
{
    public static TenantDatabaseArgs From(FleetPlan plan, TenantLane lane, ProviderResource serverProvider, IReadOnlyList<Resource> after) => new(
        lane.Tenant,
        plan.ServerOf(lane.Tenant).Username,
        serverProvider,
        plan.Locale,
        after);
}
