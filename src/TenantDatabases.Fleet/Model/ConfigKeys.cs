using System.Buffers;

namespace TenantDatabases.Fleet.Model;

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

    /// <summary>
    /// Keys of an adopted tenant, whose database existed before the stack (<c>tenantdb adopt</c> writes them): its
    /// existing name (the mark of adoption), its owner role, and what the server holds where it differs from what the
    /// program would declare for a new database.
    /// </summary>
    public const string Database = "database", Owner = "owner", Encoding = "encoding", LcCollate = "lcCollate", LcCtype = "lcCtype",
        OwnerConnectionLimit = "ownerConnectionLimit";

    /// <summary>The keys allowed directly under the <c>tenant-databases:</c> namespace.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = [Protect, Residency, DatabasePrefix, Locale, Servers, Tenants];

    /// <summary>The keys allowed in a server.</summary>
    public static IReadOnlyList<string> OfServer { get; } =
        [Host, Port, Username, Password, Region, Default, SslMode, MaxTenants, AdminDatabase];

    /// <summary>The keys allowed in a tenant.</summary>
    public static IReadOnlyList<string> OfTenant { get; } =
        [Server, Region, ConnectionLimit, Retire, PasswordVersion, Database, Owner, Encoding, LcCollate, LcCtype, OwnerConnectionLimit];

    /// <summary>The keys only an adopted tenant (one with <see cref="Database"/>) may have.</summary>
    public static IReadOnlyList<string> OfAdoptedTenant { get; } = [Owner, Encoding, LcCollate, LcCtype, OwnerConnectionLimit];

    /// <summary>
    /// The project key a stack file's top-level key names: <c>servers</c> for <c>tenant-databases:servers</c> and for a
    /// bare <c>servers</c> (Pulumi reads a key without a namespace as the project's); null for another namespace's key
    /// (<c>aws:region</c>). The one owner of that rule, for the reader, the editors and Pulumi's own JSON alike.
    /// </summary>
    public static string? ProjectKey(string fullKey)
    {
        var colon = fullKey.IndexOf(':');
        return colon < 0 ? fullKey : fullKey[..colon] == ConfigDefaults.Namespace ? fullKey[(colon + 1)..] : null;
    }
}

/// <summary>
/// Config paths as Pulumi spells them for <c>pulumi config set --path</c>:
/// <c>tenant-databases:tenants.acme-coffee.server</c>, or <c>tenants["odd key"]</c> for keys that need quoting.
/// </summary>
public static class ConfigPath
{
    private static readonly SearchValues<char> PlainKeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>The path of a top-level key, e.g. <c>tenant-databases:servers</c>.</summary>
    public static string Of(string key) => $"{ConfigDefaults.Namespace}:{key}";

    /// <summary>The path of <paramref name="key"/> inside the value at <paramref name="parent"/>.</summary>
    public static string Child(string parent, string key) =>
        key.Length > 0 && !key.AsSpan().ContainsAnyExcept(PlainKeyChars)
            ? $"{parent}.{key}"
            : $"{parent}[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path of a tenant's key, e.g. <c>tenant-databases:tenants.acme-coffee.server</c>.</summary>
    public static string Tenant(string tenantId, string? key = null) =>
        key is null ? Child(Of(ConfigKeys.Tenants), tenantId) : Child(Child(Of(ConfigKeys.Tenants), tenantId), key);

    /// <summary>The path of a server's key, e.g. <c>tenant-databases:servers.eu-primary.host</c>.</summary>
    public static string Server(string serverName, string? key = null) =>
        key is null ? Child(Of(ConfigKeys.Servers), serverName) : Child(Child(Of(ConfigKeys.Servers), serverName), key);
}

/// <summary>
/// The command that sets a server's admin password in a stack, as every fix that needs it shows it: always with
/// <c>--stack</c> (without it the CLI writes to whichever stack is selected, perhaps another region's), and never
/// with the password as an argument (the CLI asks for it without echoing, so it stays out of shell history and ps).
/// </summary>
public static class ServerPasswordCommand
{
    /// <summary>The command for <paramref name="server"/>; <paramref name="stack"/> null shows a placeholder to fill in.</summary>
    public static string For(string server, string? stack = null) =>
        $"pulumi config set --secret --path '{Key(server)}' --stack {stack ?? "<stack>"}";

    /// <summary>The config path of the password.</summary>
    public static string Key(string server) => $"{ConfigKeys.Servers}.{server}.{ConfigKeys.Password}";
}

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

    /// <summary>The encoding of every database the program creates.</summary>
    public const string Encoding = "UTF8";

    /// <summary>The template every database the program creates is copied from: never template1, which a server may have changed.</summary>
    public const string Template = "template0";
}
