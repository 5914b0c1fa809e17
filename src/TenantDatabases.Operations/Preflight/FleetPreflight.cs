using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Operations.Preflight;

/// <summary>Checks every server of a stack at once; the whole run takes about as long as the slowest server, at most the timeout.</summary>
public static class FleetPreflight
{
    /// <summary>The default bound of each server's checks.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="targets"/> concurrently; one report per target, in the same order.</summary>
    public static Task<PreflightReport> RunAsync(
        string stack, IReadOnlyList<PreflightTarget> targets, TimeSpan timeout, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        RunAsync(stack, targets, timeout, loggerFactory, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Checks <paramref name="targets"/> concurrently. After <see cref="RunCancellation.Stop"/> no server starts and
    /// those in flight finish (each within the timeout; the checks only read); <see cref="RunCancellation.Abort"/>
    /// stops waiting for them. Either way every server has a report.
    /// </summary>
    public static async Task<PreflightReport> RunAsync(
        string stack, IReadOnlyList<PreflightTarget> targets, TimeSpan timeout, ILoggerFactory? loggerFactory, RunCancellation cancellation)
    {
        var clock = Stopwatch.StartNew();
        var reports = await Task.WhenAll(targets.Select(target => CheckAsync(stack, target, timeout, loggerFactory, cancellation)));
        return new PreflightReport(stack, reports, clock.Elapsed, cancellation.IsStopRequested);
    }

    private static async Task<ServerReport> CheckAsync(
        string stack, PreflightTarget target, TimeSpan timeout, ILoggerFactory? loggerFactory, RunCancellation cancellation)
    {
        if (cancellation.IsStopRequested)
        {
            return NotChecked(target, "Not checked: the run was cancelled before this server's checks started.", TimeSpan.Zero);
        }
        var clock = Stopwatch.StartNew();
        try
        {
            // Task.Run: the synchronous start of one server's checks (DNS, socket set-up) never delays the others.
            return await Task.Run(() => new ServerPreflight(target, timeout, loggerFactory, stack).RunAsync(cancellation.Abort), cancellation.Abort)
                .WaitAsync(cancellation.Abort);
        }
        catch (OperationCanceledException) when (cancellation.Abort.IsCancellationRequested)
        {
            return NotChecked(target, "Not finished: the run was cancelled a second time while this server was being checked.", clock.Elapsed);
        }
    }

    private static ServerReport NotChecked(PreflightTarget target, string message, TimeSpan elapsed) =>
        new(target.Server.Name, target.Server.Host, target.Server.Port,
            [PreflightCheck.Error(CheckNames.Run, message, "Rerun preflight.")], elapsed);
}
