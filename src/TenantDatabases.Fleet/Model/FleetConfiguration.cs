// Model: what a stack's configuration is: its records, every key and path, the defaults, and how full a server is.
using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Fleet.Model;

/// <summary>
/// One stack's configuration, read once from its configuration values. Holds no secret: a server's
/// password is only described by <see cref="PasswordSetting"/>.
/// </summary>
public sealed record FleetConfiguration(
    StackSettings Settings,
    IReadOnlyList<ServerDefinition> Servers,
    IReadOnlyList<TenantDefinition> Tenants)
{
    /// <summary>The server with this name, or null.</summary>
    public ServerDefinition? FindServer(string name) =>
        Servers.FirstOrDefault(server => server.Name == name);

    /// <summary>The server marked <c>default: true</c>, or null when none (or several) is.</summary>
    public ServerDefinition? DefaultServer =>
        Servers.Count(server => server.IsDefault) == 1 ? Servers.Single(server => server.IsDefault) : null;

    /// <summary>The tenants pinned to the named server.</summary>
    public IEnumerable<TenantDefinition> TenantsOn(string serverName) =>
        Tenants.Where(tenant => tenant.Server == serverName);

    /// <summary>How many tenants are pinned to the named server: the one count of capacity, placement and plan.</summary>
    public int TenantCountOn(string serverName) => TenantsOn(serverName).Count();
}

/// <summary>Stack-wide settings (<c>tenant-databases:protect</c>, <c>residency</c>, <c>databasePrefix</c>, <c>locale</c>).</summary>
/// <param name="Protect">Protect and retain tenant databases and roles; on by default.</param>
/// <param name="Residency">Regions this stack may hold data in; empty means unrestricted.</param>
/// <param name="DatabasePrefix">Prefix of every tenant database and role name.</param>
/// <param name="Locale">LC_COLLATE and LC_CTYPE of new tenant databases; null keeps the server's.</param>
public sealed record StackSettings(
    bool Protect,
    IReadOnlyList<string> Residency,
    string DatabasePrefix,
    string? Locale)
{
    /// <summary>The settings of a stack that sets none of its keys.</summary>
    public static StackSettings Defaults { get; } = new(
        Protect: true,
        Residency: [],
        DatabasePrefix: ConfigDefaults.DatabasePrefix,
        Locale: null);
}

/// <summary>A PostgreSQL server registered in <c>tenant-databases:servers</c>.</summary>
/// <param name="Name">The key under <c>servers</c>; permanent, because it names the server's provider.</param>
/// <param name="Host">DNS name or IP address, without scheme or port.</param>
/// <param name="Port">TCP port, 5432 unless set.</param>
/// <param name="Username">The admin role that creates tenant roles and databases.</param>
/// <param name="Password">Where the admin password stands in the configuration; never its value.</param>
/// <param name="Region">The region the server's data lives in.</param>
/// <param name="IsDefault">Whether new tenants go here when nothing else decides.</param>
/// <param name="SslMode">libpq sslmode.</param>
/// <param name="MaxTenants">How many tenant databases the server may hold.</param>
/// <param name="AdminDatabase">The database the admin connects to.</param>
public sealed record ServerDefinition(
    string Name,
    string Host,
    int Port,
    string Username,
    PasswordSetting Password,
    string? Region,
    bool IsDefault,
    SslMode SslMode,
    int MaxTenants,
    string AdminDatabase);

/// <summary>A tenant registered in <c>tenant-databases:tenants</c>.</summary>
/// <param name="Id">The key under <c>tenants</c>; the source of its database and role names.</param>
/// <param name="Server">The server it is pinned to; null only in invalid configuration.</param>
/// <param name="Region">The region its data must stay in, when the tenant requires one.</param>
/// <param name="ConnectionLimit">Connection limit of its database and owner role; -1 means none.</param>
/// <param name="Retire">Being retired: its protection is lifted so that removing it later keeps its data on the server.</param>
/// <param name="PasswordVersion">The owner password's version (<c>tenants.&lt;id&gt;.passwordVersion</c>): raising it makes the next deploy generate a new password.</param>
/// <param name="Existing">For an adopted tenant, the database that existed on its server before the stack; null for a tenant the program creates.</param>
public sealed record TenantDefinition(
    string Id,
    string? Server,
    string? Region,
    int ConnectionLimit,
    bool Retire = false,
    int PasswordVersion = ConfigDefaults.PasswordVersion,
    ExistingDatabase? Existing = null)
{
    /// <summary>True for a tenant whose database existed before the stack (<c>tenants.&lt;id&gt;.database</c> is set).</summary>
    public bool IsAdopted => Existing is not null;
}

/// <summary>
/// What the stack records of an adopted tenant's database (<c>tenantdb adopt</c> reads it from the server): its name,
/// its owner, and each property the provider reads back where it differs from what the program declares for a
/// database it creates. Null means "as the program would declare it".
/// </summary>
/// <param name="Name">The database's existing name (<c>database</c>): the mark of an adopted tenant.</param>
/// <param name="Owner">The role that owns it (<c>owner</c>): the server's admin, or a role of its own; null for a role the program creates.</param>
/// <param name="Encoding">Its encoding (<c>encoding</c>) when not UTF8.</param>
/// <param name="LcCollate">Its LC_COLLATE (<c>lcCollate</c>) when not the stack's locale.</param>
/// <param name="LcCtype">Its LC_CTYPE (<c>lcCtype</c>) when not the stack's locale.</param>
/// <param name="OwnerConnectionLimit">Its owner role's connection limit (<c>ownerConnectionLimit</c>) when not the tenant's connectionLimit.</param>
public sealed record ExistingDatabase(
    string Name,
    string? Owner = null,
    string? Encoding = null,
    string? LcCollate = null,
    string? LcCtype = null,
    int? OwnerConnectionLimit = null);

/// <summary>
/// How a server's password appears in the configuration. The value itself never enters the model:
/// for a <c>secure:</c> leaf only its ciphertext (safe to keep: it is committed to the repository) is held.
/// </summary>
public sealed record PasswordSetting(PasswordKind Kind, string? Ciphertext = null)
{
    /// <summary>No password key.</summary>
    public static PasswordSetting Missing { get; } = new(PasswordKind.Missing);

    /// <summary>A plain-text value in a stack file: invalid, and its text is not kept.</summary>
    public static PasswordSetting PlainText { get; } = new(PasswordKind.PlainText);

    /// <summary>A value that reached the program already decrypted (Pulumi config JSON).</summary>
    public static PasswordSetting Provided { get; } = new(PasswordKind.Provided);

    /// <summary>A <c>secure:</c> leaf of a stack file.</summary>
    public static PasswordSetting Secure(string ciphertext) => new(PasswordKind.Secure, ciphertext);

    /// <summary>True for a <c>secure:</c> leaf, which always has its ciphertext.</summary>
    [MemberNotNullWhen(true, nameof(Ciphertext))]
    public bool IsSecure => Kind == PasswordKind.Secure && Ciphertext is not null;

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}

/// <summary>The kinds of <see cref="PasswordSetting"/>.</summary>
public enum PasswordKind
{
    /// <summary>Not configured.</summary>
    Missing,
    /// <summary>Plain text in a stack file.</summary>
    PlainText,
    /// <summary>Encrypted <c>secure:</c> value in a stack file.</summary>
    Secure,
    /// <summary>Given by Pulumi already decrypted; the program wraps it as a secret.</summary>
    Provided,
}
