using System.Diagnostics;
using System.Globalization;

namespace StatusBenchmark;

/// <summary>One run of tenantdb as a whole process, as users and workflows start it.</summary>
/// <param name="Label">What was run.</param>
/// <param name="Seconds">Wall time from start to exit.</param>
/// <param name="CpuSeconds">User plus system time of the process (to the last poll, at most 20 ms short).</param>
/// <param name="PeakMegabytes">Peak resident memory (VmHWM).</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output.</param>
public sealed record ToolRun(string Label, double Seconds, double CpuSeconds, double PeakMegabytes, int ExitCode, string Output)
{
    /// <summary>The tool published by run.sh (BENCH_TENANTDB_DLL), else this benchmark's own Release build of it.</summary>
    private static string Tool => Environment.GetEnvironmentVariable("BENCH_TENANTDB_DLL") is { Length: > 0 } published
        ? published
        : Path.Combine(AppContext.BaseDirectory, "tenantdb.dll");

    public static async Task<ToolRun> RunAsync(string label, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath is { } self && self.EndsWith("dotnet", StringComparison.Ordinal) ? self : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peakKilobytes = 0, cpuTicks = 0;
        while (!process.HasExited)
        {
            peakKilobytes = Math.Max(peakKilobytes, HighWaterMark(process.Id));
            cpuTicks = Math.Max(cpuTicks, CpuTicks(process.Id));
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        var run = new ToolRun(label, seconds, cpuTicks / 100.0, peakKilobytes / 1024.0, process.ExitCode, await output + await errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {seconds:0.00} s, CPU {run.CpuSeconds:0.00} s, peak {run.PeakMegabytes:0} MB, exit {run.ExitCode}"));
        return run;
    }

    // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second).
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
