using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads and checks <c>tenant-databases:tenants</c>: ids, names, servers, regions, limits.</summary>
internal static class TenantReader
{
    public static IReadOnlyList<TenantDefinition> Read(ConfigValue? value, StackSettings settings, ReadServers servers, ConfigValueReader values)
    {
        var path = ConfigPath.Of(ConfigKeys.Tenants);
        if (value is null or ConfigScalar { Text: null })
        {
            return [];
        }
        if (value is not ConfigMap map)
        {
            values.Problems.Error(path, "Tenants must be a mapping of tenant ids to their settings.",
                "Write each tenant as '<id>:' with 'server: <name>' indented below it.", value.Location);
            return [];
        }
        var tenants = new List<TenantDefinition>(map.Entries.Count);
        var normalisedIds = new Dictionary<string, string>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var (id, tenantValue) in map.Entries)
        {
            var location = tenantValue.Location ?? map.Location;
            CheckId(id, settings, normalisedIds, values, location);
            tenants.Add(ReadOne(id, tenantValue, settings, servers, values, location));
        }
        return tenants;
    }

    private static void CheckId(string id, StackSettings settings, Dictionary<string, string> normalisedIds,
        ConfigValueReader values, SourceLocation? location)
    {
        var path = ConfigPath.Tenant(id);
        if (IdentifierRules.TenantIdProblem(id) is { } idProblem)
        {
            values.Problems.Error(path, idProblem, "Rename the tenant to lower-case letters, digits, '-' and '_' (e.g. acme-coffee).", location);
            return;
        }
        if (IdentifierRules.NameLengthProblem(settings.DatabasePrefix, id) is { } lengthProblem)
        {
            values.Problems.Error(path, lengthProblem,
                $"Use a tenant id of at most {IdentifierRules.MaxTenantIdLength(settings.DatabasePrefix)} characters.", location);
        }
        var normalised = TenantNaming.Normalise(id);
        if (!normalisedIds.TryAdd(normalised, id))
        {
            values.Problems.Error(path,
                $"Tenants '{normalisedIds[normalised]}' and '{id}' would share the database '{TenantNaming.DatabaseName(settings.DatabasePrefix, id)}' ('-' and '_' name the same database).",
                "Give one of them a different id.", location);
        }
    }

    private static TenantDefinition ReadOne(string id, ConfigValue value, StackSettings settings, ReadServers servers,
        ConfigValueReader values, SourceLocation? location)
    {
        string? server = null, region = null;
        int? connectionLimit = null;
        SourceLocation? serverLocation = location, regionLocation = location;
        if (value is ConfigMap entries)
        {
            foreach (var (key, item) in entries.Entries)
            {
                var keyPath = ConfigPath.Tenant(id, key);
                switch (key)
                {
                    case ConfigKeys.Server: server = values.Text(item, keyPath, location); serverLocation = item.Location ?? location; break;
                    case ConfigKeys.Region: region = values.Text(item, keyPath, location); regionLocation = item.Location ?? location; break;
                    case ConfigKeys.ConnectionLimit:
                        connectionLimit = values.Integer(item, keyPath, location, -1, 100_000, "Use -1 (no limit) or a number of connections from 1 up.");
                        if (connectionLimit == 0)
                        {
                            values.Problems.Error(keyPath, "A connection limit of 0 locks everyone out of the database.",
                                "Use -1 (no limit) or a number of connections from 1 up.", item.Location ?? location);
                        }
                        break;
                    default: values.UnknownKey(key, keyPath, ConfigKeys.OfTenant, item.Location ?? location); break;
                }
            }
        }
        else if (value is not ConfigScalar { Text: null })
        {
            values.Problems.Error(ConfigPath.Tenant(id), "A tenant must be a mapping with at least 'server:'.",
                "Write 'server: <name>' indented below the tenant id.", location);
        }
        region = string.IsNullOrEmpty(region) ? null : region;
        CheckServer(id, server, region, servers, values, serverLocation);
        if (region is not null && settings.Residency.Count > 0 && !settings.Residency.Contains(region))
        {
            values.Problems.Error(ConfigPath.Tenant(id, ConfigKeys.Region),
                $"The tenant requires region '{ConfigValueReader.Shorten(region)}', outside this stack's residency ({string.Join(", ", settings.Residency)}).",
                "Register the tenant in the stack of its region.", regionLocation);
        }
        return new TenantDefinition(id, string.IsNullOrEmpty(server) ? null : server, region, connectionLimit ?? ConfigDefaults.ConnectionLimit);
    }

    private static void CheckServer(string id, string? server, string? region, ReadServers servers,
        ConfigValueReader values, SourceLocation? location)
    {
        var path = ConfigPath.Tenant(id, ConfigKeys.Server);
        if (string.IsNullOrEmpty(server))
        {
            values.Problems.Error(path, "The tenant has no server.",
                $"Run 'tenantdb add-tenant {id} --stack <stack>' to place it, or set 'server:' to one of: {NameList(servers)}.", location);
            return;
        }
        var definition = servers.Find(server);
        if (definition is null)
        {
            var nearest = NearestName.Find(server, servers.Definitions.Select(candidate => candidate.Name));
            values.Problems.Error(path, $"The server '{ConfigValueReader.Shorten(server)}' is not defined under tenant-databases:servers.",
                (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Use one of: {NameList(servers)}.", location);
            return;
        }
        if (region is not null && definition.Region != region)
        {
            values.Problems.Error(path,
                $"The tenant requires region '{ConfigValueReader.Shorten(region)}' but server '{server}' is in '{definition.Region ?? "(no region)"}'.",
                "Pin the tenant to a server of its region (a deployed tenant cannot move: correct this before its first deploy).", location);
        }
    }

    private static string NameList(ReadServers servers)
    {
        var names = servers.Definitions.Select(server => server.Name).ToList();
        return names.Count == 0 ? "(no server is configured)"
            : names.Count <= 6 ? string.Join(", ", names)
            : string.Join(", ", names.Take(6)) + $" and {names.Count - 6} more";
    }
}
