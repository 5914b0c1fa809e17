using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>The servers read so far, indexed by name, with where each stands in the file.</summary>
internal sealed class ReadServers
{
    private readonly List<ServerDefinition> definitions = [];
    private readonly Dictionary<string, (ServerDefinition Server, SourceLocation? Location)> byName = new(StringComparer.Ordinal);

    public IReadOnlyList<ServerDefinition> Definitions => definitions;

    public void Add(ServerDefinition server, SourceLocation? location)
    {
        definitions.Add(server);
        byName.TryAdd(server.Name, (server, location));
    }

    public ServerDefinition? Find(string name) => byName.TryGetValue(name, out var entry) ? entry.Server : null;

    public SourceLocation? LocationOf(string name) => byName.TryGetValue(name, out var entry) ? entry.Location : null;
}
