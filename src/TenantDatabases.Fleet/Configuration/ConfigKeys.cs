namespace TenantDatabases.Fleet.Configuration;

/// <summary>Every configuration key, spelled as in the stack file (camelCase).</summary>
public static class ConfigKeys
{
    /// <summary><c>tenant-databases:protect</c>.</summary>
    public const string Protect = "protect";
    /// <summary><c>tenant-databases:residency</c>.</summary>
    public const string Residency = "residency";
    /// <summary><c>tenant-databases:databasePrefix</c>.</summary>
    public const string DatabasePrefix = "databasePrefix";
    /// <summary><c>tenant-databases:locale</c>.</summary>
    public const string Locale = "locale";
    /// <summary><c>tenant-databases:servers</c>.</summary>
    public const string Servers = "servers";
    /// <summary><c>tenant-databases:tenants</c>.</summary>
    public const string Tenants = "tenants";

    /// <summary>Keys of a server.</summary>
    public const string Host = "host", Port = "port", Username = "username", Password = "password", Region = "region",
        Default = "default", SslMode = "sslMode", MaxTenants = "maxTenants", AdminDatabase = "adminDatabase";

    /// <summary>Keys of a tenant (besides <see cref="Region"/>).</summary>
    public const string Server = "server", ConnectionLimit = "connectionLimit", Retire = "retire", PasswordVersion = "passwordVersion";

    /// <summary>The keys allowed directly under the <c>tenant-databases:</c> namespace.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = [Protect, Residency, DatabasePrefix, Locale, Servers, Tenants];

    /// <summary>The keys allowed in a server.</summary>
    public static IReadOnlyList<string> OfServer { get; } =
        [Host, Port, Username, Password, Region, Default, SslMode, MaxTenants, AdminDatabase];

    /// <summary>The keys allowed in a tenant.</summary>
    public static IReadOnlyList<string> OfTenant { get; } = [Server, Region, ConnectionLimit, Retire, PasswordVersion];
}
