using Pulumi;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Outputs;

/// <summary>
/// The stack outputs the post-deploy step reads with <c>pulumi stack output --json --show-secrets</c>:
/// <c>tenants</c> (secret: it holds every tenant's password), <c>servers</c> and <c>placements</c>.
/// Every entry has every key: a server without a region gives <c>"region": ""</c>, because Pulumi
/// would leave a null out and the post-deploy step requires the key.
/// </summary>
public static class StackOutputs
{
    public const string TenantsKey = "tenants";
    public const string ServersKey = "servers";
    public const string PlacementsKey = "placements";

    public static IDictionary<string, object?> From(FleetPlan plan, IReadOnlyDictionary<string, Output<string>> tenantPasswords) =>
        new Dictionary<string, object?>
        {
            [TenantsKey] = Tenants(plan, tenantPasswords),
            [ServersKey] = Servers(plan),
            [PlacementsKey] = Placements(plan),
        };

    /// <summary><c>{ "&lt;tenant&gt;": { server, region, host, port, sslMode, database, username, password } }</c>, secret as a whole.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Tenants(
        FleetPlan plan, IReadOnlyDictionary<string, Output<string>> tenantPasswords)
    {
        var connections = plan.Tenants.Select(tenant => tenantPasswords[tenant.Id].Apply(password =>
            KeyValuePair.Create(tenant.Id, Connection(tenant, plan.Servers.Single(server => server.Name == tenant.Server), password))));
        return Output.CreateSecret(Output.All(connections).Apply(all => all.ToDictionary()));
    }

    /// <summary><c>{ "&lt;server&gt;": { host, port, region, tenantCount } }</c>.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Servers(FleetPlan plan) =>
        Output.Create(plan.Servers.ToDictionary(server => server.Name, server => new Dictionary<string, object?>
        {
            ["host"] = server.Host,
            ["port"] = server.Port,
            ["region"] = server.Region ?? "",
            ["tenantCount"] = server.TenantCount,
        }));

    /// <summary><c>{ "&lt;tenant&gt;": { server, database, role } }</c>.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Placements(FleetPlan plan) =>
        Output.Create(plan.Tenants.ToDictionary(tenant => tenant.Id, tenant => new Dictionary<string, object?>
        {
            ["server"] = tenant.Server,
            ["database"] = tenant.DatabaseName,
            ["role"] = tenant.RoleName,
        }));

    private static Dictionary<string, object?> Connection(TenantPlan tenant, ServerPlan server, string password) => new()
    {
        ["server"] = tenant.Server,
        ["region"] = tenant.Region ?? "",
        ["host"] = server.Host,
        ["port"] = server.Port,
        // The server's sslMode, so that migrate and verify protect the tenant's password as preflight does the admin's.
        ["sslMode"] = server.SslMode,
        ["database"] = tenant.DatabaseName,
        ["username"] = tenant.RoleName,
        ["password"] = password,
    };
}
