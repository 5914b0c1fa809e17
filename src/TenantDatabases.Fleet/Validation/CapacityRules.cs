using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>A server over its maxTenants is an error; one above 90 % of it draws a warning.</summary>
internal static class CapacityRules
{
    public static void Check(ReadServers servers, IReadOnlyList<TenantDefinition> tenants, ProblemList problems)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            if (tenant.Server is not null)
            {
                counts[tenant.Server] = counts.GetValueOrDefault(tenant.Server) + 1;
            }
        }
        foreach (var server in servers.Definitions)
        {
            var count = counts.GetValueOrDefault(server.Name);
            var path = ConfigPath.Server(server.Name, ConfigKeys.MaxTenants);
            if (count > server.MaxTenants)
            {
                problems.Error(path, $"The server holds {count} tenants, over its maxTenants of {server.MaxTenants}.",
                    "Raise maxTenants if the server can take it, or add a server and place new tenants there (existing tenants cannot move).",
                    servers.LocationOf(server.Name));
            }
            else if (count > server.MaxTenants * ConfigDefaults.CapacityWarningShare)
            {
                problems.Warning(path, $"The server holds {count} of its {server.MaxTenants} tenants ({100.0 * count / server.MaxTenants:0}%).",
                    "Plan another server for this region before it is full.", servers.LocationOf(server.Name));
            }
        }
    }
}
