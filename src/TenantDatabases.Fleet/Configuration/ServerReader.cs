using System.Text;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads and checks <c>tenant-databases:servers</c>: every key of every server, then the rules across servers.</summary>
internal static class ServerReader
{
    public static ReadServers Read(ConfigValue? value, ConfigOrigin origin, StackSettings settings, ConfigValueReader values)
    {
        var path = ConfigPath.Of(ConfigKeys.Servers);
        var servers = new ReadServers();
        if (value is not (null or ConfigScalar { Text: null }) && value is not ConfigMap)
        {
            values.Problems.Error(path, "Servers must be a mapping of server names to their settings.",
                "Write each server as 'name:' with its keys indented below it.", value.Location);
            return servers;
        }
        if (value is not ConfigMap { Entries.Count: > 0 } map)
        {
            values.Problems.Error(path, "No server is configured.",
                "Add a server under tenant-databases:servers with host, username, password (secure) and region.", value?.Location);
            return servers;
        }
        foreach (var (name, serverValue) in map.Entries)
        {
            var server = ReadOne(name, serverValue, origin, settings, values, map.Location);
            servers.Add(server, serverValue.Location ?? map.Location);
        }
        ServerRules.CheckSingleDefault(servers, values);
        return servers;
    }

    private static ServerDefinition ReadOne(string name, ConfigValue value, ConfigOrigin origin, StackSettings settings,
        ConfigValueReader values, SourceLocation? parentLocation)
    {
        var path = ConfigPath.Server(name);
        var location = value.Location ?? parentLocation;
        if (IdentifierRules.ServerNameProblem(name) is { } nameProblem)
        {
            values.Problems.Error(path, nameProblem, "Rename the server (lower-case letters, digits, '-', '_'); a deployed server's name must never change.", location);
        }
        var entries = value as ConfigMap;
        if (entries is null)
        {
            values.Problems.Error(path, "The server has no settings.", "Indent its host, username, password and region below its name.", location);
            return new ServerDefinition(name, "", ConfigDefaults.Port, "", PasswordSetting.Missing, null, false,
                ConfigDefaults.SslMode, ConfigDefaults.MaxTenants, ConfigDefaults.AdminDatabase);
        }
        string? host = null, username = null, region = null, sslModeText = null;
        int? port = null, maxTenants = null;
        bool? isDefault = null;
        string? adminDatabase = null;
        var password = PasswordSetting.Missing;
        SourceLocation? hostLocation = location, sslLocation = location, regionLocation = location;
        var misshapen = new HashSet<string>(StringComparer.Ordinal);
        string? Text(string key, ConfigValue item)
        {
            var text = values.Text(item, ConfigPath.Server(name, key), location);
            if (text is null && item is not ConfigScalar)
            {
                misshapen.Add(key); // already reported; not "missing" as well
            }
            return text;
        }
        foreach (var (key, item) in entries.Entries)
        {
            var keyPath = ConfigPath.Child(path, key);
            switch (key)
            {
                case ConfigKeys.Host: host = Text(key, item); hostLocation = item.Location ?? location; break;
                case ConfigKeys.Port: port = values.Integer(item, keyPath, location, 1, 65535, "Use a TCP port from 1 to 65535 (PostgreSQL's is 5432)."); break;
                case ConfigKeys.Username: username = Text(key, item); break;
                case ConfigKeys.Password: password = ServerPassword.Read(item, keyPath, name, origin, values, location); break;
                case ConfigKeys.Region: region = values.Text(item, keyPath, location); regionLocation = item.Location ?? location; break;
                case ConfigKeys.Default: isDefault = values.Boolean(item, keyPath, location); break;
                case ConfigKeys.SslMode: sslModeText = values.Text(item, keyPath, location); sslLocation = item.Location ?? location; break;
                case ConfigKeys.MaxTenants: maxTenants = values.Integer(item, keyPath, location, 1, int.MaxValue, "Set maxTenants to at least 1 (the design's rough capacity is 50-100 per 8 GB server)."); break;
                case ConfigKeys.AdminDatabase: adminDatabase = values.Text(item, keyPath, location); break;
                default: values.UnknownKey(key, keyPath, ConfigKeys.OfServer, item.Location ?? location); break;
            }
        }
        ServerRules.CheckRequired(name, host, username, password, misshapen, values, location);
        if (host is not null && HostNameRules.Problem(host) is { } hostProblem)
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.Host), hostProblem,
                "Write only the DNS name or IP address (e.g. pg-eu-1.internal); put the port under 'port'.", hostLocation);
        }
        if (username is { Length: > 0 } && Encoding.UTF8.GetByteCount(username) > SqlIdentifier.MaxBytes)
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.Username), "The username is longer than 63 bytes.",
                "Set the admin role's name (it needs CREATEDB and CREATEROLE).", location);
        }
        if (adminDatabase is not null && (adminDatabase.Length == 0 || Encoding.UTF8.GetByteCount(adminDatabase) > SqlIdentifier.MaxBytes))
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.AdminDatabase), "The admin database name must be 1 to 63 bytes.",
                $"Remove the key to use '{ConfigDefaults.AdminDatabase}'.", location);
            adminDatabase = null;
        }
        var sslMode = ServerRules.ReadSslMode(name, sslModeText, host, sslLocation, values);
        ServerRules.CheckRegion(name, region, settings, regionLocation, values);
        return new ServerDefinition(name, host ?? "", port ?? ConfigDefaults.Port, username ?? "", password,
            string.IsNullOrEmpty(region) ? null : region, isDefault ?? false, sslMode,
            maxTenants ?? ConfigDefaults.MaxTenants, adminDatabase ?? ConfigDefaults.AdminDatabase);
    }
}
