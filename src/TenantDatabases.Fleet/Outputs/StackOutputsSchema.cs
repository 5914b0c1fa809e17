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
            Database = "database", Username = "username", Password = "password";

        /// <summary>The fields every entry must have (<see cref="SslMode"/> is optional: deploys from before it existed lack it).</summary>
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
        [TenantFields.Password] = password,
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
/// <see cref="Username"/> is the tenant's owner role: migrations and checks connect as it, with the
/// <see cref="SslMode"/> of the tenant's server (Prefer for outputs of a deploy from before the key existed).
/// </summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Server">Its server's name.</param>
/// <param name="Region">Its server's region; empty when the server has none.</param>
/// <param name="Host">Its server's host.</param>
/// <param name="Port">Its server's port.</param>
/// <param name="Database">Its database (unquoted).</param>
/// <param name="Username">Its owner role (unquoted).</param>
/// <param name="SslMode">Its server's sslMode.</param>
public sealed record TenantTarget(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username,
    SslMode SslMode = SslMode.Prefer)
{
    /// <summary>The connection the program declares for <paramref name="tenant"/> on <paramref name="server"/>.</summary>
    public static TenantTarget From(TenantPlan tenant, ServerPlan server) =>
        new(tenant.Id, tenant.Server, tenant.Region ?? "", server.Host, server.Port, tenant.DatabaseName, tenant.RoleName,
            SslModeNames.TryParse(server.SslMode, out var mode)
                ? mode
                : throw new ArgumentException($"Server '{server.Name}' has no libpq sslMode; plan it with FleetPlanner.", nameof(server)));
}

/// <summary>The tenants of a stack's <c>tenants</c> output: secret-free targets in id order, and their passwords apart.</summary>
/// <param name="Tenants">Every tenant's connection, without its password.</param>
/// <param name="Passwords">Their owner passwords.</param>
public sealed record TenantConnections(IReadOnlyList<TenantTarget> Tenants, TenantPasswords Passwords);

/// <summary>
/// The owner passwords of the tenants, kept apart from <see cref="TenantTarget"/> so that no record that is
/// printed, logged or serialised can carry one. <see cref="ToString"/> never shows a value.
/// </summary>
public sealed class TenantPasswords
{
    private readonly Dictionary<string, string> byTenant;

    /// <summary>Keeps a copy of <paramref name="byTenant"/>: tenant id to password.</summary>
    public TenantPasswords(IReadOnlyDictionary<string, string> byTenant) =>
        this.byTenant = new Dictionary<string, string>(byTenant, StringComparer.Ordinal);

    /// <summary>The password of <paramref name="tenantId"/>.</summary>
    public string For(string tenantId) => byTenant[tenantId];

    /// <summary>Every password, for masking foreign text (exception messages) before it is shown.</summary>
    public IEnumerable<string> All => byTenant.Values;

    /// <summary>Masks every known password in <paramref name="text"/> (as <see cref="Secrets.SecretMask"/> does everywhere).</summary>
    public string Mask(string text) => new Secrets.SecretMask(byTenant.Values).Apply(text);

    /// <summary>How many passwords are held, never a value.</summary>
    public override string ToString() => $"{byTenant.Count} tenant password(s) (hidden)";
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
