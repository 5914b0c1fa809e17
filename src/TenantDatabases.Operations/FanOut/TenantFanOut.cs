using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.FanOut;

/// <summary>
/// Runs one piece of work per tenant within <see cref="FanOutOptions"/>: canaries first, then the rest, tenants
/// of different servers interleaved so every server is kept busy. Each result is reported as soon as it is known.
/// </summary>
public sealed class TenantFanOut<TResult>(
    FanOutOptions options,
    Func<TenantTarget, CancellationToken, Task<TResult>> work,
    Func<TResult, bool> succeeded,
    Func<TenantTarget, string, TResult> notStarted)
{
    private int failures;

    /// <summary>Runs every tenant; <paramref name="finished"/> hears of each result (from any thread).</summary>
    public async Task<IReadOnlyList<TResult>> RunAsync(
        IReadOnlyList<TenantTarget> tenants, Action<TResult>? finished = null, CancellationToken cancellationToken = default)
    {
        var ordered = Interleave(tenants);
        var canaries = ordered.Take(options.Canary).ToList();
        var rest = ordered.Skip(canaries.Count).ToList();
        var results = new List<TResult>();
        var budgets = tenants.Select(tenant => tenant.Server).Distinct()
            .ToDictionary(server => server, _ => new ConnectionBudget(options.PerServer));
        using var inFlight = new SemaphoreSlim(options.Parallel, options.Parallel);
        if (canaries.Count > 0)
        {
            results.AddRange(await RunGroupAsync(canaries, budgets, inFlight, finished, cancellationToken));
            if (Volatile.Read(ref failures) > 0)
            {
                var reason = $"not started: a canary tenant failed (--canary {options.Canary})";
                results.AddRange(rest.Select(tenant => Report(notStarted(tenant, reason), finished)));
                return results;
            }
        }
        results.AddRange(await RunGroupAsync(rest, budgets, inFlight, finished, cancellationToken));
        return results;
    }

    private async Task<TResult[]> RunGroupAsync(
        IReadOnlyList<TenantTarget> group, Dictionary<string, ConnectionBudget> budgets, SemaphoreSlim inFlight,
        Action<TResult>? finished, CancellationToken cancellationToken) =>
        await Task.WhenAll(group.Select(async tenant =>
        {
            // Server connections first, then a run-wide slot: a tenant never holds a run slot while its server is full.
            using var connections = await budgets[tenant.Server].TakeAsync(options.ConnectionsPerTenant, cancellationToken);
            await inFlight.WaitAsync(cancellationToken);
            try
            {
                if (options.OnError == OnError.Stop && Volatile.Read(ref failures) > 0)
                {
                    return Report(notStarted(tenant, "not started: an earlier tenant failed (--on-error stop)"), finished);
                }
                var result = await work(tenant, cancellationToken);
                if (!succeeded(result))
                {
                    Interlocked.Increment(ref failures);
                }
                return Report(result, finished);
            }
            finally
            {
                inFlight.Release();
            }
        }));

    private static TResult Report(TResult result, Action<TResult>? finished)
    {
        finished?.Invoke(result);
        return result;
    }

    // Round-robin over servers, each server's tenants in id order: server A's tenants do not all queue first.
    private static List<TenantTarget> Interleave(IReadOnlyList<TenantTarget> tenants)
    {
        var queues = tenants.GroupBy(tenant => tenant.Server).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new Queue<TenantTarget>(group.OrderBy(tenant => tenant.Id, StringComparer.Ordinal))).ToList();
        var ordered = new List<TenantTarget>(tenants.Count);
        while (queues.Any(queue => queue.Count > 0))
        {
            ordered.AddRange(queues.Where(queue => queue.Count > 0).Select(queue => queue.Dequeue()));
        }
        return ordered;
    }
}
