using System.Diagnostics;
using System.Globalization;

namespace Bench;

/// <summary>
/// A whole process as users and workflows start it, measured from outside: wall time, CPU time (user plus system,
/// fields 14 and 15 of <c>/proc/&lt;pid&gt;/stat</c>) and peak resident memory (<c>VmHWM</c>, which only grows), both read
/// every 10 ms while it runs, so up to one poll short. Linked into every benchmark that times processes.
/// </summary>
/// <param name="Seconds">Wall time from start to exit.</param>
/// <param name="CpuSeconds">User plus system time.</param>
/// <param name="PeakMegabytes">Peak resident memory.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output, then its standard error.</param>
public sealed record MeasuredProcess(double Seconds, double CpuSeconds, double PeakMegabytes, int ExitCode, string Output)
{
    /// <summary>The tool published by a benchmark's run.sh (BENCH_TENANTDB_DLL), else the benchmark's own Release build of it.</summary>
    public static string TenantDb => Environment.GetEnvironmentVariable("BENCH_TENANTDB_DLL") is { Length: > 0 } published
        ? published
        : Path.Combine(AppContext.BaseDirectory, "tenantdb.dll");

    /// <summary>The dotnet host running this benchmark, to start tenantdb.dll with.</summary>
    public static string Dotnet => Environment.ProcessPath is { } self && self.EndsWith("dotnet", StringComparison.Ordinal) ? self : "dotnet";

    /// <summary>Runs <paramref name="program"/> to its end and measures it.</summary>
    public static async Task<MeasuredProcess> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peakKilobytes = 0, cpuTicks = 0;
        while (!process.HasExited)
        {
            peakKilobytes = Math.Max(peakKilobytes, HighWaterMark(process.Id));
            cpuTicks = Math.Max(cpuTicks, CpuTicks(process.Id));
            await Task.Delay(10);
        }
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        return new MeasuredProcess(seconds, cpuTicks / 100.0, peakKilobytes / 1024.0, process.ExitCode, await output + await errors);
    }

    // Clock ticks are 100 per second on Linux.
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

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or FormatException)
        {
            return 0;
        }
    }
}
