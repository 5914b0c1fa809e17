using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Operations.DevServers;

/// <summary>The local servers a stack declares, each with its folder and loopback address; or why the stack cannot run locally.</summary>
public sealed record DevServerPlan(DevServerFolder Folder, IReadOnlyList<(ServerDefinition Server, LocalServerSpec Spec)> Servers, IReadOnlyList<string> Problems)
{
    /// <summary>Maps every server of <paramref name="configuration"/>; a host outside loopback is a problem, and then nothing starts.</summary>
    public static DevServerPlan For(FleetConfiguration configuration, DevServerFolder folder)
    {
        var servers = new List<(ServerDefinition, LocalServerSpec)>();
        var problems = new List<string>();
        foreach (var server in configuration.Servers)
        {
            if (LoopbackHost.ListenAddress(server.Host) is { } address)
            {
                servers.Add((server, new LocalServerSpec(server.Name, server.Port, Path.Combine(folder.Root, server.Name), Durable: true, address)));
            }
            else
            {
                problems.Add($"tenant-databases:servers.{server.Name}.host: '{server.Host}' is not a loopback address; dev-servers only runs servers on loopback: 127.0.0.1 (or another 127.0.0.0/8 address), ::1 or localhost. " +
                             "Use a stack whose servers are local, such as dev.");
            }
        }
        return new DevServerPlan(folder, servers, problems);
    }
}
