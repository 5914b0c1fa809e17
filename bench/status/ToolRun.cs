using System.Globalization;
using Bench;

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
    public static async Task<ToolRun> RunAsync(string label, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var measured = await MeasuredProcess.RunAsync(MeasuredProcess.Dotnet, [MeasuredProcess.TenantDb, .. args], environment);
        var run = new ToolRun(label, measured.Seconds, measured.CpuSeconds, measured.PeakMegabytes, measured.ExitCode, measured.Output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {run.Seconds:0.00} s, CPU {run.CpuSeconds:0.00} s, peak {run.PeakMegabytes:0} MB, exit {run.ExitCode}"));
        return run;
    }
}
