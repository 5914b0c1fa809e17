using System.Text.Json;
using TenantDatabases.Fleet.Model;

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
