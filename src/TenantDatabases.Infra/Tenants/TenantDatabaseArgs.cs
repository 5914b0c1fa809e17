using Pulumi;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Tenants;

/// <summary>What a <see cref="TenantDatabase"/> declares, copied from the plan.</summary>
/// <param name="Tenant">The tenant's plan: names, owner, connection limit, protection, and what an adopted database holds.</param>
/// <param name="AdminUsername">The server's admin role, which creates the tenant's database.</param>
/// <param name="Provider">The provider of the tenant's server.</param>
/// <param name="LcCollate">LC_COLLATE of the database; null keeps the server's.</param>
/// <param name="LcCtype">LC_CTYPE of the database; null keeps the server's.</param>
/// <param name="After">The last operation of every earlier tenant in its lane (<see cref="TenantLanes"/>): none of its own starts before them.</param>
/// <param name="ImportExisting">Declare the adopted database (and its existing owner role) with Pulumi's <c>import</c>: Fleet's <see cref="PlanComparison.ImportsExisting"/>.</param>
public sealed record TenantDatabaseArgs(
    TenantPlan Tenant,
    string AdminUsername,
    ProviderResource Provider,
    string? LcCollate,
    string? LcCtype,
    IReadOnlyList<Resource> After,
    bool ImportExisting = false)
{
    public static TenantDatabaseArgs From(FleetPlan plan, PlanComparison comparison, TenantLane lane, ProviderResource serverProvider, IReadOnlyList<Resource> after) => new(
        lane.Tenant,
        plan.ServerOf(lane.Tenant).Username,
        serverProvider,
        plan.LcCollateOf(lane.Tenant),
        plan.LcCtypeOf(lane.Tenant),
        after,
        comparison.ImportsExisting(lane.Tenant));
}
