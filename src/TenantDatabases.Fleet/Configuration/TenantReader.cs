using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads <c>tenant-databases:tenants</c>, key by key; <see cref="TenantRules"/> checks what it read.</summary>
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
            TenantRules.CheckId(id, settings, normalisedIds, values.Problems, location);
            tenants.Add(ReadOne(id, tenantValue, settings, servers, values, location));
        }
        TenantRules.CheckDistinctNames(tenants, settings, servers, values.Problems, id => map.Entries.FirstOrDefault(entry => entry.Key == id).Value?.Location ?? map.Location);
        return tenants;
    }

    private static TenantDefinition ReadOne(string id, ConfigValue value, StackSettings settings, ReadServers servers,
        ConfigValueReader values, SourceLocation? location)
    {
        string? server = null, region = null;
        int? connectionLimit = null, passwordVersion = null;
        bool? retire = null;
        SourceLocation? serverLocation = location, regionLocation = location;
        var adoption = new AdoptedKeys();
        if (value is ConfigMap entries)
        {
            foreach (var (key, item) in entries.Entries)
            {
                var keyPath = ConfigPath.Tenant(id, key);
                if (ConfigKeys.OfAdoptedTenant.Contains(key) || key == ConfigKeys.Database)
                {
                    adoption.Read(id, key, item, values, item.Location ?? location);
                    continue;
                }
                switch (key)
                {
                    case ConfigKeys.Server: server = values.Text(item, keyPath, location); serverLocation = item.Location ?? location; break;
                    case ConfigKeys.Region: region = values.Text(item, keyPath, location); regionLocation = item.Location ?? location; break;
                    case ConfigKeys.ConnectionLimit:
                        connectionLimit = values.Integer(item, keyPath, location, -1, 100_000, "Use -1 (no limit) or a number of connections from 1 up.");
                        TenantRules.CheckConnectionLimit(id, connectionLimit, values.Problems, item.Location ?? location);
                        break;
                    case ConfigKeys.Retire: retire = values.Boolean(item, keyPath, location); break;
                    case ConfigKeys.PasswordVersion:
                        passwordVersion = values.Integer(item, keyPath, location, TenantRules.FirstPasswordVersion, TenantRules.LastPasswordVersion, TenantRules.PasswordVersionFix(id));
                        break;
                    default: KeyRules.Unknown(key, keyPath, ConfigKeys.OfTenant, values.Problems, item.Location ?? location); break;
                }
            }
        }
        else if (value is not ConfigScalar { Text: null })
        {
            values.Problems.Error(ConfigPath.Tenant(id), "A tenant must be a mapping with at least 'server:'.",
                "Write 'server: <name>' indented below the tenant id.", location);
        }
        region = string.IsNullOrEmpty(region) ? null : region;
        TenantRules.CheckServer(id, server, region, servers, values.Problems, serverLocation);
        TenantRules.CheckResidency(id, region, settings, values.Problems, regionLocation);
        if (retire == true)
        {
            TenantRules.NoteRetiring(id, values.Problems, location);
        }
        var existing = adoption.Existing(id, values.Problems);
        var admin = server is null ? null : servers.Find(server)?.Username;
        TenantRules.CheckOwner(id, existing, admin, passwordVersion, values.Problems, adoption.OwnerLocation ?? location);
        return new TenantDefinition(id, string.IsNullOrEmpty(server) ? null : server, region,
            connectionLimit ?? ConfigDefaults.ConnectionLimit, retire ?? false, passwordVersion ?? ConfigDefaults.PasswordVersion, existing);
    }

    /// <summary>The keys of an adopted tenant, read as they come; <see cref="Existing"/> puts them together once the tenant is read.</summary>
    private sealed class AdoptedKeys
    {
        private readonly Dictionary<string, SourceLocation?> given = new(StringComparer.Ordinal);
        private bool invalidDatabase;
        private string? database, owner, encoding, lcCollate, lcCtype;
        private int? ownerConnectionLimit;

        public SourceLocation? OwnerLocation => given.GetValueOrDefault(ConfigKeys.Owner);

        public void Read(string id, string key, ConfigValue item, ConfigValueReader values, SourceLocation? location)
        {
            given[key] = location;
            var path = ConfigPath.Tenant(id, key);
            switch (key)
            {
                case ConfigKeys.Database:
                    database = TenantRules.CheckExistingName(id, key, values.Text(item, path, location), values.Problems, location);
                    invalidDatabase = database is null;
                    break;
                case ConfigKeys.Owner: owner = TenantRules.CheckExistingName(id, key, values.Text(item, path, location), values.Problems, location); break;
                case ConfigKeys.Encoding: encoding = TenantRules.CheckEncoding(id, values.Text(item, path, location), values.Problems, location); break;
                case ConfigKeys.LcCollate: lcCollate = TenantRules.CheckLocale(id, key, values.Text(item, path, location), values.Problems, location); break;
                case ConfigKeys.LcCtype: lcCtype = TenantRules.CheckLocale(id, key, values.Text(item, path, location), values.Problems, location); break;
                case ConfigKeys.OwnerConnectionLimit:
                    ownerConnectionLimit = values.Integer(item, path, location, -1, 100_000, "Use -1 (no limit) or a number of connections from 1 up: the owner role's rolconnlimit.");
                    TenantRules.CheckConnectionLimit(id, ownerConnectionLimit, values.Problems, location, key);
                    break;
            }
        }

        /// <summary>The existing database, or null for a tenant the program creates (with a problem for each key only an adopted tenant may have).</summary>
        public ExistingDatabase? Existing(string id, ProblemList problems)
        {
            if (!given.ContainsKey(ConfigKeys.Database))
            {
                foreach (var (key, location) in given)
                {
                    TenantRules.NotAdopted(id, key, problems, location);
                }
                return null;
            }
            if (ownerConnectionLimit is not null && !given.ContainsKey(ConfigKeys.Owner))
            {
                TenantRules.OwnerLimitWithoutOwner(id, problems, given[ConfigKeys.OwnerConnectionLimit]);
            }
            return invalidDatabase || database is null ? null : new ExistingDatabase(database, owner, encoding, lcCollate, lcCtype, ownerConnectionLimit);
        }
    }
}
