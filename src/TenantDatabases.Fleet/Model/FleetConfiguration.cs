namespace TenantDatabases.Fleet.Model;

/// <summary>
/// One stack's configuration, read once from its configuration values. Holds no secret: a server's
/// password is only described by <see cref="PasswordSetting"/>.
/// </summary>
public sealed record FleetConfiguration(
    StackSettings Settings,
    IReadOnlyList<ServerDefinition> Servers,
    IReadOnlyList<TenantDefinition> Tenants)
{
    /// <summary>The server with this name, or null.</summary>
    public ServerDefinition? FindServer(string name) =>
        Servers.FirstOrDefault(server => server.Name == name);

    /// <summary>The server marked <c>default: true</c>, or null when none (or several) is.</summary>
    public ServerDefinition? DefaultServer =>
        Servers.Count(server => server.IsDefault) == 1 ? Servers.Single(server => server.IsDefault) : null;

    /// <summary>The tenants pinned to the named server.</summary>
    public IEnumerable<TenantDefinition> TenantsOn(string serverName) =>
        Tenants.Where(tenant => tenant.Server == serverName);

    /// <summary>How many tenants are pinned to the named server: the one count of capacity, placement and plan.</summary>
    public int TenantCountOn(string serverName) => TenantsOn(serverName).Count();
}
