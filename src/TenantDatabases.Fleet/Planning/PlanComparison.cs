using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Planning;

/// <summary>The plan against the last deploy: every tenant's change, and the problems those changes cause.</summary>
public sealed record PlanComparison(IReadOnlyList<TenantChange> Changes, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>
    /// Compares <paramref name="plan"/> with <paramref name="previous"/>. A moved tenant (other server, or
    /// other database name) would have its database replaced, and the provider drops a database with
    /// <c>DROP DATABASE … WITH (FORCE)</c>: an error in a protected stack, a warning otherwise.
    /// </summary>
    public static PlanComparison Compare(FleetPlan plan, PreviousDeployment previous)
    {
        var changes = new List<TenantChange>(plan.Tenants.Count);
        var problems = new List<ConfigProblem>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in plan.Tenants)
        {
            planned.Add(tenant.Id);
            if (!previous.TenantsKnown)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unknown, null, tenant.Server));
            }
            else if (!previous.Tenants.TryGetValue(tenant.Id, out var deployed))
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Added, null, tenant.Server));
            }
            else if (deployed.Server is null)
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unknown, null, tenant.Server));
            }
            else if (deployed.Server != tenant.Server || (deployed.Database is not null && deployed.Database != tenant.DatabaseName))
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Moved, deployed.Server, tenant.Server));
                problems.Add(MoveProblem(plan.Protect, tenant, deployed));
            }
            else
            {
                changes.Add(new TenantChange(tenant.Id, TenantChangeKind.Unchanged, deployed.Server, tenant.Server));
            }
        }
        foreach (var deployed in previous.Tenants.Values.Where(deployed => !planned.Contains(deployed.Id)).OrderBy(deployed => deployed.Id, StringComparer.Ordinal))
        {
            changes.Add(new TenantChange(deployed.Id, TenantChangeKind.Removed, deployed.Server, null));
            if (!plan.Protect)
            {
                problems.Add(new ConfigProblem(ProblemSeverity.Warning, ConfigPath.Tenant(deployed.Id),
                    $"Tenant '{deployed.Id}' is removed from an unprotected stack: its database will be dropped with all its data.",
                    "Keep the tenant in the configuration, or set tenant-databases:protect: true to retain removed databases."));
            }
        }
        return new PlanComparison(changes, problems);
    }

    private static ConfigProblem MoveProblem(bool protect, TenantPlan tenant, DeployedTenant deployed)
    {
        var what = deployed.Server != tenant.Server
            ? $"moves from server '{deployed.Server}' to '{tenant.Server}'"
            : $"changes its database name from '{deployed.Database}' to '{tenant.DatabaseName}'";
        return new ConfigProblem(protect ? ProblemSeverity.Error : ProblemSeverity.Warning, ConfigPath.Tenant(tenant.Id, ConfigKeys.Server),
            $"Tenant '{tenant.Id}' {what}. Pulumi would replace its database: the provider terminates its sessions and runs DROP DATABASE ... WITH (FORCE), " +
            "then creates an empty one, so every row of the tenant would be lost." + (protect ? " The stack is protected." : ""),
            deployed.Server != tenant.Server
                ? $"Set tenants.{tenant.Id}.server back to '{deployed.Server}'; tenants never move (copy the data out of band into a new tenant instead)."
                : "Restore the previous databasePrefix; a deployed tenant's database name must never change.");
    }
}
