using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads <c>tenant-databases:servers</c>, every key of every server; <see cref="ServerRules"/> checks what it read.</summary>
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
        ServerRules.CheckSingleDefault(servers, values.Problems);
        return servers;
    }

    private static ServerDefinition ReadOne(string name, ConfigValue value, ConfigOrigin origin, StackSettings settings,
        ConfigValueReader values, SourceLocation? parentLocation)
    {
        var path = ConfigPath.Server(name);
        var location = value.Location ?? parentLocation;
        ServerRules.CheckName(name, values.Problems, location);
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
        SourceLocation? hostLocation = location, sslLocation = location, regionLocation = location, passwordLocation = location;
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
                case ConfigKeys.Password: password = ReadPassword(item, keyPath, name, origin, values, location); passwordLocation = item.Location ?? location; break;
                case ConfigKeys.Region: region = values.Text(item, keyPath, location); regionLocation = item.Location ?? location; break;
                case ConfigKeys.Default: isDefault = values.Boolean(item, keyPath, location); break;
                case ConfigKeys.SslMode: sslModeText = values.Text(item, keyPath, location); sslLocation = item.Location ?? location; break;
                case ConfigKeys.MaxTenants: maxTenants = values.Integer(item, keyPath, location, 1, int.MaxValue, "Set maxTenants to at least 1 (the design's rough capacity is 50-100 per 8 GB server)."); break;
                case ConfigKeys.AdminDatabase: adminDatabase = values.Text(item, keyPath, location); break;
                default: KeyRules.Unknown(key, keyPath, ConfigKeys.OfServer, values.Problems, item.Location ?? location); break;
            }
        }
        ServerRules.CheckRequired(name, host, username, password, misshapen, values.Problems, location);
        ServerRules.CheckPassword(name, password, values.Problems, passwordLocation);
        ServerRules.CheckHost(name, host, values.Problems, hostLocation);
        ServerRules.CheckUsername(name, username, values.Problems, location);
        if (!ServerRules.CheckAdminDatabase(name, adminDatabase, values.Problems, location))
        {
            adminDatabase = null;
        }
        var sslMode = ServerRules.ReadSslMode(name, sslModeText, host, sslLocation, values.Problems);
        ServerRules.CheckRegion(name, region, settings, regionLocation, values.Problems);
        return new ServerDefinition(name, host ?? "", port ?? ConfigDefaults.Port, username ?? "", password,
            string.IsNullOrEmpty(region) ? null : region, isDefault ?? false, sslMode,
            maxTenants ?? ConfigDefaults.MaxTenants, adminDatabase ?? ConfigDefaults.AdminDatabase);
    }

    // What the password is, never its text: the value of a plain-text password is not kept (ServerRules refuses it).
    private static PasswordSetting ReadPassword(ConfigValue value, string path, string serverName, ConfigOrigin origin,
        ConfigValueReader values, SourceLocation? fallback)
    {
        switch (value)
        {
            case ConfigSecureValue secure:
                return PasswordSetting.Secure(secure.Ciphertext);
            case ConfigScalar { Text: null or "" }:
                return PasswordSetting.Missing;
            case ConfigScalar when origin == ConfigOrigin.PulumiConfig:
                return PasswordSetting.Provided;
            case ConfigScalar:
                return PasswordSetting.PlainText;
            default:
                values.Problems.Error(path, "The password must be a 'secure:' value, not a mapping or a list.",
                    $"Run: {ServerPasswordCommand.For(serverName)}.", value.Location ?? fallback);
                return PasswordSetting.Missing;
        }
    }
}
