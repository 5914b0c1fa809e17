// Outputs: the stack outputs, written through Fleet's schema.
using Pulumi;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Outputs;

/// <summary>
/// The stack outputs of a plan, which the post-deploy step reads with <c>pulumi stack output --json --show-secrets</c>.
/// Keys, fields and entries are <see cref="StackOutputsSchema"/>'s; this only wraps them in Pulumi outputs:
/// <c>tenants</c> secret as a whole (it holds every tenant's password), <c>servers</c> and <c>placements</c> not.
/// </summary>
public static class PlanOutputs
{
    /// <summary>The stack's outputs, by output key.</summary>
    public static IDictionary<string, object?> From(FleetPlan plan, IReadOnlyDictionary<string, Output<string>> tenantPasswords) =>
        new Dictionary<string, object?>
        {
            [StackOutputsSchema.TenantsKey] = Tenants(plan, tenantPasswords),
            [StackOutputsSchema.ServersKey] = Servers(plan),
            [StackOutputsSchema.PlacementsKey] = Placements(plan),
        };

    /// <summary>Every tenant's connection and password, secret as a whole.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Tenants(
        FleetPlan plan, IReadOnlyDictionary<string, Output<string>> tenantPasswords)
    {
        var connections = plan.Tenants.Select(tenant =>
        {
            var target = TenantTarget.From(tenant, plan.ServerOf(tenant));
            return tenantPasswords[tenant.Id].Apply(password => KeyValuePair.Create(tenant.Id, StackOutputsSchema.Entry(target, password)));
        });
        return Output.CreateSecret(Output.All(connections).Apply(all => all.ToDictionary()));
    }

    /// <summary>Every server with its tenant count.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Servers(FleetPlan plan) =>
        Output.Create(plan.Servers.ToDictionary(server => server.Name, server => StackOutputsSchema.Entry(ServerOutput.From(server))));

    /// <summary>Every tenant's server, database and role.</summary>
    public static Output<Dictionary<string, Dictionary<string, object?>>> Placements(FleetPlan plan) =>
        Output.Create(plan.Tenants.ToDictionary(tenant => tenant.Id, tenant => StackOutputsSchema.Entry(PlacementOutput.From(tenant))));
}
