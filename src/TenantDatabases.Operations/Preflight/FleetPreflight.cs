using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TenantDatabases.Operations.Preflight;

/// <summary>Checks every server of a stack at once; the whole run takes about as long as the slowest server, at most the timeout.</summary>
public static class FleetPreflight
{
    /// <summary>The default bound of each server's checks.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="targets"/> concurrently; one report per target, in the same order.</summary>
    public static async Task<PreflightReport> RunAsync(
        string stack, IReadOnlyList<PreflightTarget> targets, TimeSpan timeout, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Task.Run: the synchronous start of one server's checks (DNS, socket set-up) never delays the others.
        var reports = await Task.WhenAll(targets.Select(target =>
            Task.Run(() => new ServerPreflight(target, timeout, loggerFactory).RunAsync(cancellationToken), cancellationToken)));
        return new PreflightReport(stack, reports, clock.Elapsed);
    }
}
