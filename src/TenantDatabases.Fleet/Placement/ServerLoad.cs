using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Placement;

/// <summary>Tenant counts per server, counted once so placement stays linear on large fleets.</summary>
internal sealed class ServerLoad
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerDefinition> servers = new(StringComparer.Ordinal);

    public ServerLoad(FleetConfiguration configuration)
    {
        foreach (var server in configuration.Servers)
        {
            servers.TryAdd(server.Name, server);
        }
        foreach (var tenant in configuration.Tenants)
        {
            if (tenant.Server is not null)
            {
                counts[tenant.Server] = counts.GetValueOrDefault(tenant.Server) + 1;
            }
        }
    }

    public ServerDefinition? Find(string name) => servers.GetValueOrDefault(name);

    public int CountOn(ServerDefinition server) => counts.GetValueOrDefault(server.Name);

    public bool HasRoom(ServerDefinition server) => CountOn(server) < server.MaxTenants;

    public double Utilisation(ServerDefinition server) => server.MaxTenants <= 0 ? 1 : (double)CountOn(server) / server.MaxTenants;

    public string Describe(ServerDefinition server) => $"{CountOn(server)}/{server.MaxTenants} tenants";

    public string NameList() => string.Join(", ", servers.Keys);
}
