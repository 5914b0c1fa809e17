using System.Net;
using System.Net.Sockets;

namespace TenantDatabases.Operations.Preflight;

/// <summary>Name resolution and a bare TCP connection, before PostgreSQL's protocol is spoken.</summary>
internal static class NetworkProbe
{
    public static async Task<(PreflightCheck Check, IPAddress[] Addresses)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return (PreflightCheck.Ok(CheckNames.Dns, $"{host} is an IP address."), [literal]);
        }
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length == 0
                ? (NotResolved(host, "no address"), addresses)
                : (PreflightCheck.Ok(CheckNames.Dns, $"{host} resolves to {string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}."), addresses);
        }
        catch (SocketException error)
        {
            return (NotResolved(host, error.SocketErrorCode.ToString()), []);
        }
    }

    public static async Task<PreflightCheck> ConnectAsync(IPAddress[] addresses, string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return PreflightCheck.Ok(CheckNames.Tcp, $"{host}:{port} accepts TCP connections.");
        }
        catch (SocketException error)
        {
            var why = error.SocketErrorCode == SocketError.ConnectionRefused
                ? "connection refused: nothing listens there"
                : error.SocketErrorCode.ToString();
            return PreflightCheck.Error(CheckNames.Tcp, $"Cannot open a TCP connection to {host}:{port} ({why}).",
                "Start the server, or correct the server's host and port; check firewalls and security groups between here and the server.");
        }
    }

    private static PreflightCheck NotResolved(string host, string why) =>
        PreflightCheck.Error(CheckNames.Dns, $"The host name {host} does not resolve ({why}).",
            "Correct the server's host, or make its name resolvable from where tenantdb and Pulumi run.");
}
