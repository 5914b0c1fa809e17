using System.Text;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of a server: its name, its keys taken together, and across servers (one default).</summary>
internal static class ServerRules
{
    /// <summary>The name is safe as a provider's name and never needs quoting.</summary>
    public static void CheckName(string name, ProblemList problems, SourceLocation? location)
    {
        if (IdentifierRules.ServerNameProblem(name) is { } nameProblem)
        {
            problems.Error(ConfigPath.Server(name), nameProblem,
                "Rename the server (lower-case letters, digits, '-', '_'); a deployed server's name must never change.", location);
        }
    }

    /// <summary>The host is a bare DNS name or IP address.</summary>
    public static void CheckHost(string name, string? host, ProblemList problems, SourceLocation? location)
    {
        if (host is not null && HostNameRules.Problem(host) is { } hostProblem)
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Host), hostProblem,
                "Write only the DNS name or IP address (e.g. pg-eu-1.internal); put the port under 'port'.", location);
        }
    }

    /// <summary>The admin role's name fits in a PostgreSQL name.</summary>
    public static void CheckUsername(string name, string? username, ProblemList problems, SourceLocation? location)
    {
        if (username is { Length: > 0 } && Encoding.UTF8.GetByteCount(username) > SqlIdentifier.MaxBytes)
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Username), "The username is longer than 63 bytes.",
                "Set the admin role's name (it needs CREATEDB and CREATEROLE).", location);
        }
    }

    /// <summary>True when <paramref name="adminDatabase"/> is absent or a PostgreSQL name of 1 to 63 bytes.</summary>
    public static bool CheckAdminDatabase(string name, string? adminDatabase, ProblemList problems, SourceLocation? location)
    {
        if (adminDatabase is not null && (adminDatabase.Length == 0 || Encoding.UTF8.GetByteCount(adminDatabase) > SqlIdentifier.MaxBytes))
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.AdminDatabase), "The admin database name must be 1 to 63 bytes.",
                $"Remove the key to use '{ConfigDefaults.AdminDatabase}'.", location);
            return false;
        }
        return true;
    }

    public static void CheckRequired(string name, string? host, string? username, PasswordSetting password,
        HashSet<string> misshapen, ProblemList problems, SourceLocation? location)
    {
        if (host is null && !misshapen.Contains(ConfigKeys.Host))
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Host), "The server has no host.",
                "Add 'host: <DNS name or IP address>' to the server.", location);
        }
        if (string.IsNullOrEmpty(username) && !misshapen.Contains(ConfigKeys.Username))
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Username), "The server has no username.",
                "Add 'username: <admin role>' (a role with CREATEDB and CREATEROLE).", location);
        }
        if (password.Kind == PasswordKind.Missing)
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Password), "The server has no password.",
                $"Run: {ServerPasswordCommand.For(name)}.", location);
        }
    }

    /// <summary>A password written in plain text in a stack file is refused; its value is never echoed.</summary>
    public static void CheckPassword(string name, PasswordSetting password, ProblemList problems, SourceLocation? location)
    {
        if (password.Kind == PasswordKind.PlainText)
        {
            problems.Error(ConfigPath.Server(name, ConfigKeys.Password), "The password is plain text in the stack file; it must be an encrypted 'secure:' value.",
                $"Remove it and run: {ServerPasswordCommand.For(name)} (then change the password on the server: it has been exposed).", location);
        }
    }

    public static SslMode ReadSslMode(string name, string? text, string? host, SourceLocation? location, ProblemList problems)
    {
        var path = ConfigPath.Server(name, ConfigKeys.SslMode);
        var mode = ConfigDefaults.SslMode;
        if (text is not null && !SslModeNames.TryParse(text, out mode))
        {
            var nearest = NearestName.Find(text, SslModeNames.All);
            problems.Error(path, $"'{ProblemList.Shorten(text)}' is not an sslMode.",
                (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Use one of: {string.Join(", ", SslModeNames.All)}.", location);
            return ConfigDefaults.SslMode;
        }
        if (mode == SslMode.Disable && host is not null && !HostNameRules.IsLoopback(host))
        {
            problems.Error(path, $"sslMode 'disable' sends the password and data unencrypted to '{ProblemList.Shorten(host)}', which is not a loopback host.",
                "Use 'require' (or 'verify-full'); 'disable' is only for 127.0.0.1, ::1 or localhost.", location);
        }
        // verify-full checks the host against the certificate: an IP address must be in it as an IP entry, which
        // certificates issued for a DNS name rarely carry. Every connection would then fail on the certificate.
        if (mode == SslMode.VerifyFull && host is not null && System.Net.IPAddress.TryParse(host, out _))
        {
            problems.Warning(path, $"sslMode 'verify-full' with an IP address as host: the server's certificate must carry the IP address {ProblemList.Shorten(host)} itself " +
                "(an IP entry in its subjectAltName), or every connection is refused.",
                "Use the DNS name the certificate is issued for as the host, or issue it with this IP address; 'verify-ca' checks the issuer without the name.", location);
        }
        return mode;
    }

    public static void CheckRegion(string name, string? region, StackSettings settings, SourceLocation? location, ProblemList problems)
    {
        var path = ConfigPath.Server(name, ConfigKeys.Region);
        if (settings.Residency.Count == 0)
        {
            return;
        }
        if (string.IsNullOrEmpty(region))
        {
            problems.Error(path, "The server has no region, but this stack restricts residency.",
                $"Set its region to one of: {string.Join(", ", settings.Residency)}.", location);
        }
        else if (!settings.Residency.Contains(region))
        {
            problems.Error(path, $"The server's region '{ProblemList.Shorten(region)}' is outside this stack's residency ({string.Join(", ", settings.Residency)}).",
                "Move the server to a stack for its region, or correct its region.", location);
        }
    }

    public static void CheckSingleDefault(ReadServers servers, ProblemList problems)
    {
        var defaults = servers.Definitions.Where(server => server.IsDefault).Select(server => server.Name).ToList();
        foreach (var extra in defaults.Skip(1))
        {
            problems.Error(ConfigPath.Server(extra, ConfigKeys.Default),
                $"More than one server is the default ({string.Join(", ", defaults)}).",
                "Keep 'default: true' on one server only.", servers.LocationOf(extra));
        }
    }
}

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
