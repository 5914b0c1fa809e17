using System.Diagnostics;
using System.Net.Sockets;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.LocalServers;

public sealed class StaleTestServersTests
{
    [Fact]
    public async Task ServerOfAnExitedRunIsStoppedAndRemovedWhileALiveRunsFolderStays()
    {
        var binaries = PostgresBinaries.Find()!;
        // A sweep root of its own, so the sweep cannot touch servers of tests running alongside.
        var testsRoot = Path.Combine(TestPostgresServer.TestsRoot, "sweep-" + Guid.NewGuid().ToString("N")[..8]);
        var stale = Path.Combine(testsRoot, "stale");
        var alive = Path.Combine(testsRoot, "alive");
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(alive);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(testsRoot, (UnixFileMode)0b111_101_101);
        }
        StaleTestServers.Claim(alive);
        var port = FreePort.Next();
        var server = new LocalPostgresServer(new LocalServerSpec("stale", port, stale, Durable: false), binaries, LocalServerUser.Current());
        try
        {
            await server.StartAsync();
            await File.WriteAllTextAsync(Path.Combine(stale, StaleTestServers.OwnerFile), $"{await ExitedProcessIdAsync()} 1");

            var removed = await StaleTestServers.SweepAsync(testsRoot, binaries);

            Assert.Equal(1, removed);
            Assert.False(Directory.Exists(stale));
            Assert.True(Directory.Exists(alive));
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
        }
        finally
        {
            await server.DestroyAsync();
            Directory.Delete(testsRoot, recursive: true);
        }
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start("true");
        await process.WaitForExitAsync();
        return process.Id;
    }
}
