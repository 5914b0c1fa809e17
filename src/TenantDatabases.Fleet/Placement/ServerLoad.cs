using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Placement;

/// <summary>Tenant counts per server, counted once per server so placement does not recount for each candidate.</summary>
internal sealed class ServerLoad
{
    private readonly FleetConfiguration configuration;
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public ServerLoad(FleetConfiguration configuration)
    {
        this.configuration = configuration;
        foreach (var server in configuration.Servers)
        {
            counts.TryAdd(server.Name, configuration.TenantCountOn(server.Name));
        }
    }

    public ServerDefinition? Find(string name) => configuration.FindServer(name);

    public int CountOn(ServerDefinition server) => counts.GetValueOrDefault(server.Name);

    public bool HasRoom(ServerDefinition server) => CountOn(server) < server.MaxTenants;

    public double Utilisation(ServerDefinition server) => server.MaxTenants <= 0 ? 1 : (double)CountOn(server) / server.MaxTenants;

    public string Describe(ServerDefinition server) => $"{CountOn(server)}/{server.MaxTenants} tenants";

    public string NameList() => string.Join(", ", counts.Keys);
}
