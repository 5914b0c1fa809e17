using System.Net;
using System.Net.Sockets;

namespace TenantDatabases.Testing;

/// <summary>Free TCP ports on 127.0.0.1.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
