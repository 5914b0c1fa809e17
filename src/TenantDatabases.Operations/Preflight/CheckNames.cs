namespace TenantDatabases.Operations.Preflight;

/// <summary>The names of the checks, in the order they run; reports and tests refer to them.</summary>
public static class CheckNames
{
    /// <summary>The host name resolves.</summary>
    public const string Dns = "dns";
    /// <summary>A TCP connection to host:port is accepted.</summary>
    public const string Tcp = "tcp";
    /// <summary>TLS as the server's sslMode asks.</summary>
    public const string Tls = "tls";
    /// <summary>The admin logs in with the stack's password.</summary>
    public const string Authentication = "auth";
    /// <summary>server_version_num is supported.</summary>
    public const string Version = "version";
    /// <summary>The admin can create databases.</summary>
    public const string CreateDb = "createdb";
    /// <summary>The admin can create roles.</summary>
    public const string CreateRole = "createrole";
    /// <summary>PostgreSQL 16+: the admin can SET ROLE to a role it created.</summary>
    public const string SetRole = "set-role";
    /// <summary>The server accepts writes.</summary>
    public const string Primary = "primary";
    /// <summary>Connections left for the deployment.</summary>
    public const string Connections = "connections";
    /// <summary>Tenant databases against maxTenants.</summary>
    public const string Capacity = "capacity";
    /// <summary>Tenant-prefixed databases the stack does not declare.</summary>
    public const string Orphans = "orphans";
    /// <summary>A server the run did not check, because it was cancelled.</summary>
    public const string Run = "run";
}
