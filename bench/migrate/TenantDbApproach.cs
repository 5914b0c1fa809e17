using System.Diagnostics;
using System.Globalization;
using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>
/// <c>tenantdb migrate</c> run as users run it, a process, with its peak memory: the tool published as the
/// workflows publish it (ReadyToRun) when <c>bench/migrate/run.sh</c> names it in BENCH_TENANTDB_DLL, else
/// this benchmark's own Release build.
/// </summary>
public static class TenantDbApproach
{
    public const string Name = "tenantdb migrate";

    public static async Task<Figure> RunAsync(string pass, IReadOnlyList<ProvisionedTenant> tenants, int parallel)
    {
        var outputs = Path.Combine(Path.GetTempPath(), $"bench-outputs-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(outputs, ProvisionedTenant.StackOutputsJson(tenants));
        var start = new ProcessStartInfo(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? Environment.ProcessPath : "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Environment.GetEnvironmentVariable("BENCH_TENANTDB_DLL") is { Length: > 0 } published ? published : Path.Combine(AppContext.BaseDirectory, "tenantdb.dll"), "migrate", "--outputs", outputs, "--scripts", RepositoryMigrations.Folder, "--parallel", parallel.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        long peakKilobytes = 0;
        long cpuTicks = 0;
        while (!process.HasExited)
        {
            peakKilobytes = Math.Max(peakKilobytes, HighWaterMark(process.Id));
            cpuTicks = Math.Max(cpuTicks, CpuTicks(process.Id));
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        File.Delete(outputs);
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tenantdb migrate exited {process.ExitCode}:\n{text[^Math.Min(text.Length, 3000)..]}");
        }
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            Console.WriteLine(text);
        }
        Console.WriteLine($"{pass}: {Name} {seconds:0.00} s (CPU {cpuTicks / 100.0:0.00} s), {text.Split('\n').Last(l => l.Contains("tenant(s):", StringComparison.Ordinal)).Trim()}");
        return new Figure(pass, Name, tenants.Count, seconds, peakKilobytes / 1024.0);
    }

    // User plus system time in clock ticks (100 per second), fields 14 and 15 of /proc/<pid>/stat, read up to
    // the last poll before the process exits (at most 20 ms short).
    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    // VmHWM only grows, so the last value read before the process exits is its peak resident memory.
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
