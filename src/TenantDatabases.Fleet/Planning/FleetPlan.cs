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
    /// <summary>The server named <paramref name="serverName"/>; throws when the plan has none of that name.</summary>
    public ServerPlan Server(string serverName) =>
        Servers.SingleOrDefault(server => server.Name == serverName)
        ?? throw new ArgumentException($"The plan has no server '{serverName}'.", nameof(serverName));

    /// <summary>The server <paramref name="tenant"/> is placed on: every planned tenant has one.</summary>
    public ServerPlan ServerOf(TenantPlan tenant) => Server(tenant.Server);
}
