// Outputs: the contract between the program and the tool: the stack outputs' keys, fields, writing and the one reader.
using System.Text.Json;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// The contract between the Pulumi program and the tool: the stack outputs' keys, every field name, and how
/// each entry is written. The program writes its outputs through it, <see cref="StackOutputsReader"/> reads
/// them through it, and so do the test helpers that stand in for a deployed stack.
/// Every entry has every key: an absent region is written as <c>""</c>, because Pulumi would leave a null out.
/// </summary>
public static class StackOutputsSchema
{
    /// <summary>The output of every tenant's connection, <see cref="TenantTarget"/> and password: secret as a whole.</summary>
    public const string TenantsKey = "tenants";

    /// <summary>The output of every server, <see cref="ServerOutput"/>: not secret.</summary>
    public const string ServersKey = "servers";

    /// <summary>The output of every tenant's placement, <see cref="PlacementOutput"/>: not secret, so a plan can read it without --show-secrets.</summary>
    public const string PlacementsKey = "placements";

    /// <summary>What <c>pulumi stack output --json</c> prints for a secret it was not asked to show.</summary>
    public const string HiddenSecret = "[secret]";

    /// <summary>The fields of a <c>tenants</c> entry.</summary>
    public static class TenantFields
    {
        /// <summary>Field names, as the program writes them.</summary>
        public const string Server = "server", Region = "region", Host = "host", Port = "port", SslMode = "sslMode",
            Database = "database", Username = "username", Password = "password", Owner = "owner", PasswordManaged = "passwordManaged";

        /// <summary>
        /// The fields every entry must have (<see cref="SslMode"/>, <see cref="Owner"/> and <see cref="PasswordManaged"/> are
        /// optional: deploys from before they existed lack them, and then the owner is the username, whose password is managed).
        /// </summary>
        public static IReadOnlyList<string> Required { get; } = [Server, Region, Host, Port, Database, Username, Password];
    }

    /// <summary>The fields of a <c>servers</c> entry.</summary>
    public static class ServerFields
    {
        /// <summary>Field names, as the program writes them.</summary>
        public const string Host = "host", Port = "port", Region = "region", TenantCount = "tenantCount";
    }

    /// <summary>The fields of a <c>placements</c> entry.</summary>
    public static class PlacementFields
    {
        /// <summary>Field names, as the program writes them.</summary>
        public const string Server = "server", Database = "database", Role = "role", Protect = "protect", RetainOnDelete = "retainOnDelete",
            PasswordVersion = "passwordVersion";
    }

    /// <summary>The <c>tenants</c> entry of <paramref name="tenant"/>, with its <paramref name="password"/>.</summary>
    public static Dictionary<string, object?> Entry(TenantTarget tenant, string password) => new()
    {
        [TenantFields.Server] = tenant.Server,
        [TenantFields.Region] = tenant.Region,
        [TenantFields.Host] = tenant.Host,
        [TenantFields.Port] = tenant.Port,
        // The server's sslMode, so that migrate and verify protect the tenant's password as preflight does the admin's.
        [TenantFields.SslMode] = tenant.SslMode.ToName(),
        [TenantFields.Database] = tenant.Database,
        [TenantFields.Username] = tenant.Username,
        // Empty when the stack does not hold the owner's password (an adopted tenant): the application keeps its own.
        [TenantFields.Password] = password,
        // Who must own what migrate creates, and whether the password above is the stack's: migrate and verify log in as
        // the owner with it, or else as the server's admin (from the stack) and SET ROLE to the owner.
        [TenantFields.Owner] = tenant.DatabaseOwner,
        [TenantFields.PasswordManaged] = tenant.PasswordManaged,
    };

    /// <summary>The <c>servers</c> entry of <paramref name="server"/>.</summary>
    public static Dictionary<string, object?> Entry(ServerOutput server) => new()
    {
        [ServerFields.Host] = server.Host,
        [ServerFields.Port] = server.Port,
        [ServerFields.Region] = server.Region,
        [ServerFields.TenantCount] = server.TenantCount,
    };

    /// <summary>The <c>placements</c> entry of <paramref name="placement"/>.</summary>
    public static Dictionary<string, object?> Entry(PlacementOutput placement) => new()
    {
        [PlacementFields.Server] = placement.Server,
        [PlacementFields.Database] = placement.Database,
        [PlacementFields.Role] = placement.Role,
        // What the next plan needs to know of a removed tenant: would its delete fail, or keep or drop its data.
        [PlacementFields.Protect] = placement.Protection.Protect,
        [PlacementFields.RetainOnDelete] = placement.Protection.RetainOnDelete,
        // So that the next plan can say whose password the deploy changes; outputs without it mean version 1.
        [PlacementFields.PasswordVersion] = placement.PasswordVersion,
    };

    /// <summary>The whole document as <c>pulumi stack output --json --show-secrets</c> prints it (indented).</summary>
    public static string Json(
        IEnumerable<(TenantTarget Tenant, string Password)> tenants, IEnumerable<ServerOutput> servers, IEnumerable<PlacementOutput> placements) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [TenantsKey] = tenants.ToDictionary(entry => entry.Tenant.Id, entry => Entry(entry.Tenant, entry.Password)),
            [ServersKey] = servers.ToDictionary(server => server.Name, Entry),
            [PlacementsKey] = placements.ToDictionary(placement => placement.TenantId, Entry),
        }, Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}

/// <summary>
/// One tenant database as the <c>tenants</c> output describes it, without its password (safe to print and report).
/// <see cref="Username"/> is the role the tenant's application logs in as, its database's owner: migrations and checks
/// connect as it, with the <see cref="SslMode"/> of the tenant's server (Prefer for outputs of a deploy from before the
/// key existed); when the stack does not hold its password (<see cref="PasswordManaged"/> false, an adopted tenant) they
/// connect as the server's admin and act as <see cref="DatabaseOwner"/>.
/// </summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Region">Its server's region; empty when the server has none.</param>
/// <param name="Host">Its server's host.</param>
/// <param name="Port">Its server's port.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Username">Its owner role (unquoted).</param>
/// <param name="SslMode">Its server's sslMode.</param>
/// <param name="Owner">The role that owns its database; null: <paramref name="Username"/> (outputs from before the field existed).</param>
/// <param name="PasswordManaged">False when the stack does not hold the owner's password (an adopted tenant): its entry carries none.</param>
public sealed record TenantTarget(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username,
    SslMode SslMode = SslMode.Prefer, string? Owner = null, bool PasswordManaged = true)
{
    /// <summary>The role that owns the tenant's database, and every object migrate creates in it.</summary>
    public string DatabaseOwner => Owner ?? Username;

    /// <summary>The connection the program declares for <paramref name="tenant"/> on <paramref name="server"/>.</summary>
    public static TenantTarget From(TenantPlan tenant, ServerPlan server) =>
        new(tenant.Id, tenant.Server, tenant.Region ?? "", server.Host, server.Port, tenant.DatabaseName, tenant.RoleName,
            SslModeNames.TryParse(server.SslMode, out var mode)
                ? mode
                : throw new ArgumentException($"Server '{server.Name}' has no libpq sslMode; plan it with FleetPlanner.", nameof(server)),
            Owner: null, tenant.PasswordManaged);
}

/// <summary>The tenants of a stack's <c>tenants</c> output: secret-free targets in id order, and their passwords apart.</summary>
/// <param name="Tenants">Every tenant's connection, without its password.</param>
/// <param name="Passwords">Their owner passwords.</param>
public sealed record TenantConnections(IReadOnlyList<TenantTarget> Tenants, TenantPasswords Passwords);

/// <summary>
/// The owner passwords of the tenants, kept apart from <see cref="TenantTarget"/> so that no record that is
/// printed, logged or serialised can carry one, and the server admins' logins for the tenants whose owner password
/// the stack does not hold (<see cref="WithServerAdmins"/>). <see cref="ToString"/> never shows a value.
/// </summary>
public sealed class TenantPasswords
{
    private readonly Dictionary<string, string> byTenant;
    private readonly Dictionary<string, TenantLogin> adminsByServer;

    /// <summary>Keeps a copy of <paramref name="byTenant"/>: tenant id to password.</summary>
    public TenantPasswords(IReadOnlyDictionary<string, string> byTenant)
        : this(byTenant, new Dictionary<string, TenantLogin>())
    {
    }

    private TenantPasswords(IReadOnlyDictionary<string, string> byTenant, IReadOnlyDictionary<string, TenantLogin> adminsByServer)
    {
        this.byTenant = new Dictionary<string, string>(byTenant, StringComparer.Ordinal);
        this.adminsByServer = new Dictionary<string, TenantLogin>(adminsByServer, StringComparer.Ordinal);
    }

    /// <summary>The password of <paramref name="tenantId"/>.</summary>
    public string For(string tenantId) => byTenant[tenantId];

    /// <summary>These passwords and the admin login of each server in <paramref name="adminsByServer"/> (server name to login).</summary>
    public TenantPasswords WithServerAdmins(IReadOnlyDictionary<string, TenantLogin> adminsByServer) => new(byTenant, adminsByServer);

    /// <summary>
    /// How migrate and verify log in to <paramref name="tenant"/>: as its owner with the stack's password when the stack holds
    /// it; otherwise as its server's admin, then <c>SET ROLE</c> to the owner unless the admin is the owner (so that what
    /// they create is the owner's). Null when the admin's login is needed and was not given.
    /// </summary>
    public TenantLogin? LoginFor(TenantTarget tenant)
    {
        if (tenant.PasswordManaged)
        {
            return byTenant.TryGetValue(tenant.Id, out var password) ? new TenantLogin(tenant.Username, password, null) : null;
        }
        return adminsByServer.TryGetValue(tenant.Server, out var admin)
            ? new TenantLogin(admin.Username, admin.Password, tenant.DatabaseOwner == admin.Username ? null : tenant.DatabaseOwner)
            : null;
    }

    /// <summary>Every password, the admins' included, for masking foreign text (exception messages) before it is shown.</summary>
    public IEnumerable<string> All => byTenant.Values.Concat(adminsByServer.Values.Select(admin => admin.Password)).Where(password => password.Length > 0);

    /// <summary>Masks every known password in <paramref name="text"/> (as <see cref="Secrets.SecretMask"/> does everywhere).</summary>
    public string Mask(string text) => new Secrets.SecretMask(All).Apply(text);

    /// <summary>How many passwords are held, never a value.</summary>
    public override string ToString() => $"{byTenant.Count} tenant password(s), {adminsByServer.Count} server admin login(s) (hidden)";
}

/// <summary>
/// A login to a tenant database: the role, its password, and the role to act as once logged in (<c>SET ROLE</c>), when
/// another. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class TenantLogin(string username, string password, string? setRole)
{
    /// <summary>The role that logs in.</summary>
    public string Username { get; } = username;

    /// <summary>Its password.</summary>
    public string Password { get; } = password;

    /// <summary>The role to <c>SET ROLE</c> to after logging in; null to act as <see cref="Username"/>.</summary>
    public string? SetRole { get; } = setRole;

    /// <summary>The role that owns what this login creates.</summary>
    public string ActsAs => SetRole ?? Username;

    /// <summary>Names the roles, never the password.</summary>
    public override string ToString() => SetRole is null ? Username : $"{Username} as {SetRole}";
}

/// <summary>One server as the <c>servers</c> output describes it.</summary>
/// <param name="Name">The server's configuration name.</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Region">Region; empty when the server has none.</param>
/// <param name="TenantCount">Tenants placed on it.</param>
public sealed record ServerOutput(string Name, string Host, int Port, string Region, int TenantCount)
{
    /// <summary>The entry the program declares for <paramref name="server"/>.</summary>
    public static ServerOutput From(ServerPlan server) =>
        new(server.Name, server.Host, server.Port, server.Region ?? "", server.TenantCount);
}

/// <summary>One tenant's placement as the <c>placements</c> output describes it.</summary>
/// <param name="TenantId">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Role">Its owner role (unquoted).</param>
/// <param name="Protection">What the deploy applied: whether its database may be deleted, and whether a delete keeps it.</param>
/// <param name="PasswordVersion">The owner password's version the deploy applied.</param>
public sealed record PlacementOutput(string TenantId, string Server, string Database, string Role, TenantProtection Protection, int PasswordVersion = 1)
{
    /// <summary>The entry the program declares for <paramref name="tenant"/>.</summary>
    public static PlacementOutput From(TenantPlan tenant) =>
        new(tenant.Id, tenant.Server, tenant.DatabaseName, tenant.RoleName, tenant.Protection, tenant.PasswordVersion);
}
