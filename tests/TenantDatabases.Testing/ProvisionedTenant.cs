using System.Text.Json;
using System.Text.Json.Nodes;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;

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
    /// <summary>The tenant as the Pulumi program's <c>tenants</c> output describes it, without its password.</summary>
    public TenantTarget Target => new(Id, Server, Region, Host, Port, Database, Username,
        SslModeNames.TryParse(SslMode, out var mode) ? mode : throw new InvalidOperationException($"'{SslMode}' is not an sslMode."));

    /// <summary>The entry exactly as <c>pulumi stack output --json --show-secrets</c> prints it under <c>tenants.&lt;id&gt;</c>.</summary>
    public JsonObject ToOutputEntry() => JsonSerializer.SerializeToNode(StackOutputsSchema.Entry(Target, Password))!.AsObject();

    /// <summary>
    /// A whole stack-outputs document (<c>tenants</c>, <c>servers</c>, <c>placements</c>) for
    /// <paramref name="tenants"/>, as the Pulumi program's outputs would print it.
    /// </summary>
    public static string StackOutputsJson(IEnumerable<ProvisionedTenant> tenants)
    {
        var list = tenants.ToList();
        var servers = list.GroupBy(tenant => tenant.Server).Select(server =>
            new ServerOutput(server.Key, server.First().Host, server.First().Port, server.First().Region, server.Count()));
        return StackOutputsSchema.Json(
            list.Select(tenant => (tenant.Target, tenant.Password)),
            servers,
            list.Select(tenant => new PlacementOutput(tenant.Id, tenant.Server, tenant.Database, tenant.Username, TenantProtection.For(stackProtected: false, retiring: false))));
    }
}
