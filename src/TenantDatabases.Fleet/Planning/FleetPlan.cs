// Planning: what the program declares (FleetPlan), in which lanes, and what changes since the last deploy.
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// Everything the Pulumi program and the tool need to carry out a stack's configuration, as plain
/// records. Every decision (names, placement, protection) is already made; no secret is held.
/// </summary>
public sealed record FleetPlan(
    bool Protect,
    string? Locale,
    IReadOnlyList<ServerPlan> Servers,
    IReadOnlyList<TenantPlan> Tenants)
{
    /// <summary>The server named <paramref name="serverName"/>; throws when the plan has none of that name.</summary>
    public ServerPlan Server(string serverName) =>
        Servers.SingleOrDefault(server => server.Name == serverName)
        ?? throw new ArgumentException($"The plan has no server '{serverName}'.", nameof(serverName));

    /// <summary>The server <paramref name="tenant"/> is placed on: every planned tenant has one.</summary>
    public ServerPlan ServerOf(TenantPlan tenant) => Server(tenant.Server);

    /// <summary>
    /// The LC_COLLATE of <paramref name="tenant"/>'s database as the program declares it: an adopted database's own
    /// (recorded, else the stack's locale), a created one's the stack's locale; null keeps the server's.
    /// </summary>
    public string? LcCollateOf(TenantPlan tenant) => tenant.Adoption is { } adoption ? adoption.LcCollate : Locale;

    /// <summary>The LC_CTYPE of <paramref name="tenant"/>'s database, as <see cref="LcCollateOf"/>.</summary>
    public string? LcCtypeOf(TenantPlan tenant) => tenant.Adoption is { } adoption ? adoption.LcCtype : Locale;
}

/// <summary>Turns a valid <see cref="FleetConfiguration"/> into the <see cref="FleetPlan"/> the Pulumi program and the tool carry out.</summary>
public static class FleetPlanner
{
    /// <summary>The Pulumi resource name of a server's provider: derived from the server's name alone, so it never changes.</summary>
    public static string ProviderName(string serverName) => $"server-{serverName}";

    /// <summary>
    /// Plans <paramref name="configuration"/>, which must be valid (<c>ValidationResult.IsValid</c>).
    /// Throws <see cref="ArgumentException"/> for a tenant without a known server rather than leave it out,
    /// because leaving a tenant out of a plan would delete it.
    /// </summary>
    public static FleetPlan Plan(FleetConfiguration configuration)
    {
        var prefix = configuration.Settings.DatabasePrefix;
        var tenants = new List<TenantPlan>(configuration.Tenants.Count);
        foreach (var tenant in configuration.Tenants)
        {
            if (tenant.Server is null || configuration.FindServer(tenant.Server) is not { } server)
            {
                throw new ArgumentException($"Tenant '{tenant.Id}' has no known server; validate the configuration before planning it.", nameof(configuration));
            }
            tenants.Add(new TenantPlan(tenant.Id, server.Name, server.Region,
                TenantNaming.DatabaseOf(prefix, tenant), TenantNaming.OwnerOf(prefix, tenant), tenant.ConnectionLimit,
                TenantProtection.For(configuration.Settings.Protect, tenant.Retire), tenant.Retire, tenant.PasswordVersion,
                AdoptionOf(tenant, server, configuration.Settings.Locale)));
        }
        var serverPlans = configuration.Servers.Select(server => new ServerPlan(
            server.Name, ProviderName(server.Name), server.Host, server.Port, server.Username, server.Region,
            server.IsDefault, server.SslMode.ToName(), server.MaxTenants, server.AdminDatabase,
            configuration.TenantCountOn(server.Name))).ToList();
        return new FleetPlan(configuration.Settings.Protect, configuration.Settings.Locale, serverPlans, tenants);
    }

    // What the server holds, where it differs from what the program declares for a database it creates.
    private static TenantAdoption? AdoptionOf(TenantDefinition tenant, ServerDefinition server, string? locale) =>
        tenant.Existing is not { } existing ? null : new TenantAdoption(
            existing.Owner is null ? TenantOwnerKind.Generated : existing.Owner == server.Username ? TenantOwnerKind.ServerAdmin : TenantOwnerKind.Existing,
            existing.Encoding ?? ConfigDefaults.Encoding,
            existing.LcCollate ?? locale,
            existing.LcCtype ?? locale,
            existing.OwnerConnectionLimit ?? tenant.ConnectionLimit);
}

/// <summary>A server as the plan declares it.</summary>
/// <param name="Name">The server's configuration name.</param>
/// <param name="ProviderName">The Pulumi resource name of its provider; derived from <paramref name="Name"/> alone.</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Username">Admin role.</param>
/// <param name="Region">Region, when set.</param>
/// <param name="IsDefault">Whether it is the stack's default server.</param>
/// <param name="SslMode">libpq sslmode spelling.</param>
/// <param name="MaxTenants">Capacity.</param>
/// <param name="AdminDatabase">Database the admin connects to.</param>
/// <param name="TenantCount">Tenants pinned to it.</param>
public sealed record ServerPlan(
    string Name,
    string ProviderName,
    string Host,
    int Port,
    string Username,
    string? Region,
    bool IsDefault,
    string SslMode,
    int MaxTenants,
    string AdminDatabase,
    int TenantCount)
{
    /// <summary>How full the server is with its planned tenants.</summary>
    public ServerCapacity Capacity => new(TenantCount, MaxTenants);

    /// <summary>Share of <see cref="MaxTenants"/> in use, 0..1 (above 1 only in invalid configuration).</summary>
    public double Utilisation => Capacity.Utilisation;
}

/// <summary>A tenant as the plan declares it.</summary>
/// <param name="Id">Tenant id (the configuration key).</param>
/// <param name="Server">Name of the server it lives on.</param>
/// <param name="Region">The server's region.</param>
/// <param name="DatabaseName">Its database's name (unquoted; quote it before it reaches SQL).</param>
/// <param name="RoleName">Its owner role's name (unquoted).</param>
/// <param name="ConnectionLimit">Connection limit of database and role; -1 means none.</param>
/// <param name="Protection">Whether Pulumi may delete its database and role, and what a delete does.</param>
/// <param name="Retiring">Set to be retired (<c>tenants.&lt;id&gt;.retire</c>): its removal keeps its data.</param>
/// <param name="PasswordVersion">The owner password's version (<c>tenants.&lt;id&gt;.passwordVersion</c>).</param>
/// <param name="Adoption">For a tenant whose database existed before the stack, what the server holds; null for a database the program creates.</param>
public sealed record TenantPlan(
    string Id,
    string Server,
    string? Region,
    string DatabaseName,
    string RoleName,
    int ConnectionLimit,
    TenantProtection Protection,
    bool Retiring = false,
    int PasswordVersion = Model.ConfigDefaults.PasswordVersion,
    TenantAdoption? Adoption = null)
{
    /// <summary>Who owns the tenant's database: a role the program creates, an existing role of its own, or the server's admin.</summary>
    public TenantOwnerKind OwnerKind => Adoption?.OwnerKind ?? TenantOwnerKind.Generated;

    /// <summary>
    /// True when the stack holds the owner's password: always for a role the program creates; for an adopted role of its own
    /// only from passwordVersion 2 on, so that adopting it never changes the password its application logs in with; never
    /// for the server's admin, whose password is the server's.
    /// </summary>
    public bool PasswordManaged => OwnerKind switch
    {
        TenantOwnerKind.Generated => true,
        TenantOwnerKind.Existing => PasswordVersion > Model.ConfigDefaults.PasswordVersion,
        _ => false,
    };

    /// <summary>
    /// The template the database is declared with: template0 for one the program creates; null for an adopted one, whose
    /// template no one can read back (the provider's Read claims template0 whatever it was), so it is never compared.
    /// </summary>
    public string? Template => Adoption is null ? Model.ConfigDefaults.Template : null;

    /// <summary>The database's encoding: UTF8, or an adopted database's own.</summary>
    public string Encoding => Adoption?.Encoding ?? Model.ConfigDefaults.Encoding;

    /// <summary>The owner role's connection limit: the tenant's, or an adopted role's own.</summary>
    public int OwnerConnectionLimit => Adoption?.OwnerConnectionLimit ?? ConnectionLimit;

    /// <summary>The key of the owner password's keeper (the RandomPassword's <c>keepers</c>).</summary>
    public const string PasswordVersionKeeper = "passwordVersion";

    /// <summary>
    /// The <c>keepers</c> of the tenant's RandomPassword: a change of keepers makes Pulumi generate a new password.
    /// None at version 1, so that passwords deployed before the key existed (which have no keepers) are not
    /// replaced by the first deploy that knows it; from version 2 the version itself.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PasswordKeepers() => PasswordVersion > Model.ConfigDefaults.PasswordVersion
        ? new Dictionary<string, string> { [PasswordVersionKeeper] = PasswordVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : null;
}

/// <summary>What the plan declares for a tenant whose database existed before the stack (an adopted tenant).</summary>
/// <param name="OwnerKind">Who owns the database.</param>
/// <param name="Encoding">Its encoding (recorded, else UTF8).</param>
/// <param name="LcCollate">Its LC_COLLATE (recorded, else the stack's locale; null: not declared).</param>
/// <param name="LcCtype">Its LC_CTYPE (recorded, else the stack's locale; null: not declared).</param>
/// <param name="OwnerConnectionLimit">Its owner role's connection limit (recorded, else the tenant's).</param>
public sealed record TenantAdoption(TenantOwnerKind OwnerKind, string Encoding, string? LcCollate, string? LcCtype, int OwnerConnectionLimit);

/// <summary>Who owns a tenant's database.</summary>
public enum TenantOwnerKind
{
    /// <summary>A role the program creates for the tenant, with a generated password.</summary>
    Generated,
    /// <summary>An adopted tenant's existing role of its own: imported, its password kept until passwordVersion is raised.</summary>
    Existing,
    /// <summary>The server's admin (an adopted database created by the admin page): no role of its own is declared.</summary>
    ServerAdmin,
}

/// <summary>
/// What Pulumi does with a tenant's database and owner role when asked to delete them.
/// </summary>
/// <param name="Protect">Pulumi refuses to delete them (and to replace them).</param>
/// <param name="RetainOnDelete">A delete only forgets them in Pulumi's state; they stay on the server with their data.</param>
public sealed record TenantProtection(bool Protect, bool RetainOnDelete)
{
    /// <summary>
    /// A protected stack protects and retains every tenant. Retiring lifts the protection, so the tenant can be
    /// removed without a hand-made <c>pulumi state unprotect</c> that the next deploy would undo, and retains it in
    /// every stack, so removing a retired tenant never drops its data, even where the stack is not protected.
    /// </summary>
    public static TenantProtection For(bool stackProtected, bool retiring) =>
        new(Protect: stackProtected && !retiring, RetainOnDelete: stackProtected || retiring);
}
