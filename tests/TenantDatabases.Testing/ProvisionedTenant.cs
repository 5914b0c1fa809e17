using System.Text.Json.Nodes;

namespace TenantDatabases.Testing;

/// <summary>
/// What a stack-outputs <c>tenants</c> entry holds for one tenant database created by
/// <see cref="TenantProvisioning"/>; <see cref="Password"/> is random per tenant so tests can search output for it.
/// <see cref="SslMode"/> is the server's: test servers have no TLS, like the dev stack's <c>disable</c>.
/// </summary>
public sealed record ProvisionedTenant(
    string Id, string Server, string Region, string Host, int Port, string Database, string Username, string Password,
    string SslMode = "disable")
{
    /// <summary>The entry exactly as <c>pulumi stack output --json --show-secrets</c> prints it under <c>tenants.&lt;id&gt;</c>.</summary>
    public JsonObject ToOutputEntry() => new()
    {
        ["server"] = Server,
        ["region"] = Region,
        ["host"] = Host,
        ["port"] = Port,
        ["sslMode"] = SslMode,
        ["database"] = Database,
        ["username"] = Username,
        ["password"] = Password,
    };

    /// <summary>
    /// A whole stack-outputs document (<c>tenants</c>, <c>servers</c>, <c>placements</c>) for
    /// <paramref name="tenants"/>, as the Pulumi program's outputs would print it.
    /// </summary>
    public static string StackOutputsJson(IEnumerable<ProvisionedTenant> tenants)
    {
        var list = tenants.ToList();
        var tenantEntries = new JsonObject();
        var placements = new JsonObject();
        var servers = new JsonObject();
        foreach (var tenant in list)
        {
            tenantEntries[tenant.Id] = tenant.ToOutputEntry();
            placements[tenant.Id] = new JsonObject
            {
                ["server"] = tenant.Server,
                ["database"] = tenant.Database,
                ["role"] = tenant.Username,
            };
        }
        foreach (var server in list.GroupBy(tenant => tenant.Server))
        {
            var first = server.First();
            servers[server.Key] = new JsonObject
            {
                ["host"] = first.Host,
                ["port"] = first.Port,
                ["region"] = first.Region,
                ["tenantCount"] = server.Count(),
            };
        }
        return new JsonObject { ["tenants"] = tenantEntries, ["servers"] = servers, ["placements"] = placements }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
