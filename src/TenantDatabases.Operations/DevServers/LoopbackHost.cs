using System.Net;
using System.Net.Sockets;

namespace TenantDatabases.Operations.DevServers;

/// <summary>Which stack hosts a local server may take: IPv4 loopback addresses and <c>localhost</c>.</summary>
public static class LoopbackHost
{
    /// <summary>The 127.0.0.0/8 address to listen on for <paramref name="host"/>, or null when the host is not loopback.</summary>
    public static string? ListenAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "127.0.0.1";
        }
        return IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(address)
            ? address.ToString()
            : null;
    }
}
