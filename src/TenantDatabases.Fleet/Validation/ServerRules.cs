using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of a server's keys taken together, and across servers (one default).</summary>
internal static class ServerRules
{
    public static void CheckRequired(string name, string? host, string? username, PasswordSetting password,
        HashSet<string> misshapen, ConfigValueReader values, SourceLocation? location)
    {
        if (host is null && !misshapen.Contains(ConfigKeys.Host))
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.Host), "The server has no host.",
                "Add 'host: <DNS name or IP address>' to the server.", location);
        }
        if (string.IsNullOrEmpty(username) && !misshapen.Contains(ConfigKeys.Username))
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.Username), "The server has no username.",
                "Add 'username: <admin role>' (a role with CREATEDB and CREATEROLE).", location);
        }
        if (password.Kind == PasswordKind.Missing)
        {
            values.Problems.Error(ConfigPath.Server(name, ConfigKeys.Password), "The server has no password.",
                $"Run: pulumi config set --secret --path '{ConfigKeys.Servers}.{name}.{ConfigKeys.Password}' <password>.", location);
        }
    }

    public static SslMode ReadSslMode(string name, string? text, string? host, SourceLocation? location, ConfigValueReader values)
    {
        var path = ConfigPath.Server(name, ConfigKeys.SslMode);
        var mode = ConfigDefaults.SslMode;
        if (text is not null && !SslModeNames.TryParse(text, out mode))
        {
            var nearest = NearestName.Find(text, SslModeNames.All);
            values.Problems.Error(path, $"'{ConfigValueReader.Shorten(text)}' is not an sslMode.",
                (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Use one of: {string.Join(", ", SslModeNames.All)}.", location);
            return ConfigDefaults.SslMode;
        }
        if (mode == SslMode.Disable && host is not null && !HostNameRules.IsLoopback(host))
        {
            values.Problems.Error(path, $"sslMode 'disable' sends the password and data unencrypted to '{ConfigValueReader.Shorten(host)}', which is not a loopback host.",
                "Use 'require' (or 'verify-full'); 'disable' is only for 127.0.0.1, ::1 or localhost.", location);
        }
        return mode;
    }

    public static void CheckRegion(string name, string? region, StackSettings settings, SourceLocation? location, ConfigValueReader values)
    {
        var path = ConfigPath.Server(name, ConfigKeys.Region);
        if (settings.Residency.Count == 0)
        {
            return;
        }
        if (string.IsNullOrEmpty(region))
        {
            values.Problems.Error(path, "The server has no region, but this stack restricts residency.",
                $"Set its region to one of: {string.Join(", ", settings.Residency)}.", location);
        }
        else if (!settings.Residency.Contains(region))
        {
            values.Problems.Error(path, $"The server's region '{ConfigValueReader.Shorten(region)}' is outside this stack's residency ({string.Join(", ", settings.Residency)}).",
                "Move the server to a stack for its region, or correct its region.", location);
        }
    }

    public static void CheckSingleDefault(ReadServers servers, ConfigValueReader values)
    {
        var defaults = servers.Definitions.Where(server => server.IsDefault).Select(server => server.Name).ToList();
        foreach (var extra in defaults.Skip(1))
        {
            values.Problems.Error(ConfigPath.Server(extra, ConfigKeys.Default),
                $"More than one server is the default ({string.Join(", ", defaults)}).",
                "Keep 'default: true' on one server only.", servers.LocationOf(extra));
        }
    }
}
