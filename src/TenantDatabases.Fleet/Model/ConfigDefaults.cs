namespace TenantDatabases.Fleet.Model;

/// <summary>Defaults of every optional configuration key; the README's configuration table lists the same.</summary>
public static class ConfigDefaults
{
    /// <summary>The Pulumi project name, which is also the configuration namespace.</summary>
    public const string Namespace = "tenant-databases";

    /// <summary>PostgreSQL's port.</summary>
    public const int Port = 5432;

    /// <summary>TLS without certificate checks unless a stricter mode is set.</summary>
    public const SslMode SslMode = Model.SslMode.Require;

    /// <summary>The design's rough capacity of an 8 GB server.</summary>
    public const int MaxTenants = 100;

    /// <summary>The database the admin connects to.</summary>
    public const string AdminDatabase = "postgres";

    /// <summary>Prefix of tenant database and role names.</summary>
    public const string DatabasePrefix = "tenant_";

    /// <summary>Connections per tenant database and owner role.</summary>
    public const int ConnectionLimit = 20;

    /// <summary>The version of a tenant's owner password before its first rotation.</summary>
    public const int PasswordVersion = 1;

    /// <summary>Share of maxTenants above which a server draws a warning.</summary>
    public const double CapacityWarningShare = 0.9;
}
