using Pulumi;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Tenants;

/// <summary>What a <see cref="TenantDatabase"/> declares, copied from the plan.</summary>
/// <param name="Tenant">The tenant's plan: names, connection limit, protection.</param>
/// <param name="AdminUsername">The server's admin role, which creates the tenant's database.</param>
/// <param name="Provider">The provider of the tenant's server.</param>
/// <param name="Locale">LC_COLLATE and LC_CTYPE; null keeps the server's.</param>
public sealed record TenantDatabaseArgs(
    TenantPlan Tenant,
    string AdminUsername,
    ProviderResource Provider,
    string? Locale)
{
    public static TenantDatabaseArgs From(FleetPlan plan, TenantPlan tenant, ProviderResource serverProvider) => new(
        tenant,
        plan.ServerOf(tenant).Username,
        serverProvider,
        plan.Locale);
}
