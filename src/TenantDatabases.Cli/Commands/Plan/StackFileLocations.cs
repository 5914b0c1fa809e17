using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>Finds where a tenant's keys stand in a stack file, to give plan problems a line and column.</summary>
internal static class StackFileLocations
{
    /// <summary>The position of <c>tenants.&lt;id&gt;.server</c> (or of the tenant), or null.</summary>
    public static SourceLocation? OfTenantServer(StackFile file, string tenantId)
    {
        var tenants = file.Config[$"{ConfigDefaults.Namespace}:{ConfigKeys.Tenants}"] ?? file.Config[ConfigKeys.Tenants];
        var tenant = (tenants as ConfigMap)?[tenantId];
        return (tenant as ConfigMap)?[ConfigKeys.Server]?.Location ?? tenant?.Location;
    }

    /// <summary>Gives each position-less problem about one of <paramref name="tenantIds"/> that tenant's position in <paramref name="file"/>.</summary>
    public static IEnumerable<ConfigProblem> Locate(IEnumerable<ConfigProblem> problems, StackFile file, IEnumerable<string> tenantIds)
    {
        var idsByPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in tenantIds)
        {
            idsByPath[ConfigPath.Tenant(id)] = id;
            idsByPath[ConfigPath.Tenant(id, ConfigKeys.Server)] = id;
        }
        foreach (var problem in problems)
        {
            yield return problem.Location is null && idsByPath.TryGetValue(problem.Path, out var tenantId)
                ? problem with { Location = OfTenantServer(file, tenantId) }
                : problem;
        }
    }
}
