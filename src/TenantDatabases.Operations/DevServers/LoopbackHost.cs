using System.Net;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Operations.DevServers;

/// <summary>The address a local server listens on for a stack host: loopback as Fleet defines it (<see cref="HostNameRules.IsLoopback"/>).</summary>
public static class LoopbackHost
{
    /// <summary>The loopback address to listen on for <paramref name="host"/> (127.0.0.1 for localhost), or null when the host is not loopback.</summary>
    public static string? ListenAddress(string host)
    {
        if (!HostNameRules.IsLoopback(host))
        {
            return null;
        }
        return IPAddress.TryParse(host, out var address) ? address.ToString() : "127.0.0.1";
    }
}
