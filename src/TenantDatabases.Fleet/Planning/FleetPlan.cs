namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// Everything the Pulumi program and the tool need to carry out a stack's configuration, as plain
/// records. Every decision (names, placement, protection) is already made; no secret is held.
/// </summary>
public sealed record FleetPlan(
    bool Protect,
    string? Locale,
    IReadOnlyList<ServerPlan> Servers,
    IReadOnlyList<TenantPlan> Tenants)
{
    /// <summary>The tenants placed on the named server.</summary>
    public IEnumerable<TenantPlan> TenantsOn(string serverName) =>
        Tenants.Where(tenant => tenant.Server == serverName);
}
