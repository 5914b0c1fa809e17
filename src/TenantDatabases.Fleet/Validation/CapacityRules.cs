using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>A server over its maxTenants is an error; one nearly full or full (<see cref="ServerCapacity"/>) draws a warning.</summary>
internal static class CapacityRules
{
    public static void Check(FleetConfiguration configuration, ReadServers servers, ProblemList problems)
    {
        foreach (var server in configuration.Servers)
        {
            var count = configuration.TenantCountOn(server.Name);
            var capacity = new ServerCapacity(count, server.MaxTenants);
            var path = ConfigPath.Server(server.Name, ConfigKeys.MaxTenants);
            if (capacity.Verdict == CapacityVerdict.Over)
            {
                problems.Error(path, $"The server holds {count} tenants, over its maxTenants of {server.MaxTenants}.",
                    "Raise maxTenants if the server can take it, or add a server and place new tenants there (existing tenants cannot move).",
                    servers.LocationOf(server.Name));
            }
            else if (capacity.Verdict is CapacityVerdict.NearlyFull or CapacityVerdict.Full)
            {
                problems.Warning(path, $"The server holds {count} of its {server.MaxTenants} tenants ({100.0 * capacity.Utilisation:0}%).",
                    "Plan another server for this region before it is full.", servers.LocationOf(server.Name));
            }
        }
    }
}
