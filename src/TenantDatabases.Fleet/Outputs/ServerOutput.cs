using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>One server as the <c>servers</c> output describes it.</summary>
/// <param name="Name">The server's configuration name.</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Region">Region; empty when the server has none.</param>
/// <param name="TenantCount">Tenants placed on it.</param>
public sealed record ServerOutput(string Name, string Host, int Port, string Region, int TenantCount)
{
    /// <summary>The entry the program declares for <paramref name="server"/>.</summary>
    public static ServerOutput From(ServerPlan server) =>
        new(server.Name, server.Host, server.Port, server.Region ?? "", server.TenantCount);
}
