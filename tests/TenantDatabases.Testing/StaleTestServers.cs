using System.Diagnostics;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Testing;

/// <summary>
/// Test servers left behind by a test run that was killed before its fixtures were disposed (Ctrl-C, a
/// crash, a CI timeout): each server folder names its owner process, and a server whose owner is gone
/// is stopped and removed by the next run. Servers of runs still alive (other test processes) are left alone.
/// </summary>
public static class StaleTestServers
{
    /// <summary>The file in a server's folder that names the process that owns it.</summary>
    public const string OwnerFile = "owner";

    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    /// <summary>Marks <paramref name="serverRoot"/> as owned by this process.</summary>
    public static void Claim(string serverRoot)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(serverRoot, OwnerFile), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}");
    }

    /// <summary>Stops and deletes every server under <paramref name="testsRoot"/> whose owner process has exited.</summary>
    public static async Task<int> SweepAsync(string testsRoot, PostgresBinaries binaries)
    {
        if (!Directory.Exists(testsRoot))
        {
            return 0;
        }
        var removed = 0;
        foreach (var folder in Directory.GetDirectories(testsRoot))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || IsAlive(File.ReadAllText(owner)))
            {
                continue; // Still starting (no owner yet), or its run is alive.
            }
            try
            {
                var spec = new LocalServerSpec(Path.GetFileName(folder), 0, folder, Durable: false);
                await new LocalPostgresServer(spec, binaries, LocalServerUser.Current()).DestroyAsync();
                removed++;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or LocalServerException or TimeoutException)
            {
                // Another run is sweeping the same folder, or it is half gone already: the next sweep finishes it.
            }
        }
        return removed;
    }

    private static bool IsAlive(string ownerText)
    {
        var parts = ownerText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !long.TryParse(parts[1], out var startTicks))
        {
            return true; // Unreadable: not ours to judge.
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            // A recycled pid belongs to a process that started later. The start time is derived from the
            // boot time, which each process computes anew, so two readings differ by milliseconds: compare
            // within a tolerance, or a live run's servers would be swept from under it.
            var drift = Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks);
            return !process.HasExited && drift < StartTimeTolerance.Ticks;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
