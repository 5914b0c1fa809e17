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

    [Fact]
    public async Task AnotherLiveProcessKeepsItsServerFolderThoughItsStartTimeReadsSlightlyDifferently()
    {
        var binaries = PostgresBinaries.Find()!;
        var testsRoot = Path.Combine(TestPostgresServer.TestsRoot, "sweep-" + Guid.NewGuid().ToString("N")[..8]);
        var otherRun = Path.Combine(testsRoot, "other-run");
        Directory.CreateDirectory(otherRun);
        using var other = Process.Start("sleep", "60");
        try
        {
            // Each process derives start times from the boot time anew: the owner's own reading and ours
            // differ by milliseconds, which once made a sweep remove a live run's servers.
            var ownReading = other.StartTime.ToUniversalTime().AddMilliseconds(7).Ticks;
            await File.WriteAllTextAsync(Path.Combine(otherRun, StaleTestServers.OwnerFile), $"{other.Id} {ownReading}");

            var removed = await StaleTestServers.SweepAsync(testsRoot, binaries);

            Assert.Equal(0, removed);
            Assert.True(Directory.Exists(otherRun));
        }
        finally
        {
            other.Kill();
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
