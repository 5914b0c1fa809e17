using Pulumi;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Infra.Configuration;
using TenantDatabases.Infra.Deployments;
using TenantDatabases.Infra.Outputs;
using TenantDatabases.Infra.Servers;
using TenantDatabases.Infra.Tenants;

namespace TenantDatabases.Infra;

/// <summary>
/// The Pulumi program: reads the stack's configuration once, lets Fleet validate and plan it, lets Fleet compare
/// the plan with the stack's last deployment, and declares what the plan says. Every decision is Fleet's; this
/// only copies plan fields into resources.
/// </summary>
public static class TenantDatabasesStack
{
    /// <summary>Declares the stack's resources and returns its outputs.</summary>
    /// <exception cref="RunException">
    /// The configuration is invalid, or it would move a deployed tenant (or lose one in another way): nothing was declared.
    /// </exception>
    public static async Task<IDictionary<string, object?>> DeclareAsync()
    {
        var config = new Config();
        var stackFile = StackFile.FileName(Deployment.Instance.StackName);
        var validation = FleetConfigurationReader.Read(PulumiConfigValues.Read(config), ConfigOrigin.PulumiConfig);
        if (validation is not { IsValid: true, Configuration: { } configuration })
        {
            throw ConfigurationRejection.For(validation.Problems, stackFile);
        }
        var plan = FleetPlanner.Plan(configuration);
        // Before any resource is declared: a refusal must leave every server and the state as they were.
        var comparison = PlanComparison.Compare(plan, await LastDeployment.ReadAsync());
        if (comparison.Errors.Any())
        {
            throw ConfigurationRejection.ForChanges(comparison, stackFile);
        }
        foreach (var warning in validation.Warnings.Concat(comparison.Problems))
        {
            Log.Warn(warning.Format(stackFile));
        }

        var adminPasswords = AdminPasswordOutputs.Read(config);
        var providers = plan.Servers.ToDictionary(
            server => server.Name,
            server => ServerProviders.Declare(server, adminPasswords.For(server.Name)));
        // In Fleet's order: every tenant is declared after the tenants of its lane it waits for.
        var tenants = new Dictionary<string, TenantDatabase>();
        foreach (var lane in TenantLanes.Assign(plan))
        {
            var after = lane.After.Select(id => tenants[id].LastServerOperation).ToList();
            tenants[lane.Tenant.Id] = new TenantDatabase(lane.Tenant.Id,
                TenantDatabaseArgs.From(plan, comparison, lane, providers[lane.Tenant.Server], after));
        }
        return PlanOutputs.From(plan, tenants.ToDictionary(tenant => tenant.Key, tenant => tenant.Value.Password));
    }
}
