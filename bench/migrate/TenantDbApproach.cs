using System.Globalization;
using Bench;
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
        var measured = await MeasuredProcess.RunAsync(MeasuredProcess.Dotnet,
            [MeasuredProcess.TenantDb, "migrate", "--outputs", outputs, "--scripts", RepositoryMigrations.Folder, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)]);
        var (seconds, cpuSeconds, peakMegabytes) = (measured.Seconds, measured.CpuSeconds, measured.PeakMegabytes);
        File.Delete(outputs);
        var text = measured.Output;
        if (measured.ExitCode != 0)
        {
            throw new InvalidOperationException($"tenantdb migrate exited {measured.ExitCode}:\n{text[^Math.Min(text.Length, 3000)..]}");
        }
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            Console.WriteLine(text);
        }
        Console.WriteLine($"{pass}: {Name} {seconds:0.00} s (CPU {cpuSeconds:0.00} s), {text.Split('\n').Last(l => l.Contains("tenant(s):", StringComparison.Ordinal)).Trim()}");
        return new Figure(pass, Name, tenants.Count, seconds, peakMegabytes);
    }
}
