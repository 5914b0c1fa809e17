using System.Net;
using System.Net.Sockets;

namespace TenantDatabases.Operations.Tests.Preflight;

/// <summary>A loopback port that accepts connections and never sends a byte: a hung server.</summary>
public sealed class SilentListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> accepted = [];
    private readonly CancellationTokenSource stop = new();

    public SilentListener()
    {
        listener.Start();
        _ = AcceptForeverAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (accepted)
        {
            accepted.ForEach(client => client.Dispose());
        }
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (accepted)
                {
                    accepted.Add(client);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
