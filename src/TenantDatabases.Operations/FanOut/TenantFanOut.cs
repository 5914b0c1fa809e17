// FanOut: running work over many tenants within limits per run and per server, cancelled in two stages.
using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.FanOut;

/// <summary>
/// Runs one piece of work per tenant within <see cref="FanOutOptions"/>: canaries first, then the rest, tenants
/// of different servers interleaved so every server is kept busy. Each result is reported as soon as it is known.
/// A cancelled run (<see cref="RunCancellation"/>) reports every tenant it did not start as not started; the work
/// gets the abort token, and <paramref name="aborted"/> (when given) stands for work that gave up on it.
/// </summary>
public sealed class TenantFanOut<TResult>(
    FanOutOptions options,
    Func<TenantTarget, CancellationToken, Task<TResult>> work,
    Func<TResult, bool> succeeded,
    Func<TenantTarget, string, TResult> notStarted,
    Func<TenantTarget, string, TResult>? aborted = null)
{
    /// <summary>What a tenant in flight when the run was aborted says, when its work could not say more.</summary>
    public const string AbortedReason = "aborted: the run was cancelled a second time while this tenant was in flight";

    private int failures;

    /// <summary>Runs every tenant; cancelling the token stops and aborts at once.</summary>
    public Task<IReadOnlyList<TResult>> RunAsync(
        IReadOnlyList<TenantTarget> tenants, Action<TResult>? finished = null, CancellationToken cancellationToken = default) =>
        RunAsync(tenants, finished, RunCancellation.Immediate(cancellationToken));

    /// <summary>Runs every tenant; <paramref name="finished"/> hears of each result (from any thread).</summary>
    public async Task<IReadOnlyList<TResult>> RunAsync(IReadOnlyList<TenantTarget> tenants, Action<TResult>? finished, RunCancellation cancellation)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Stop, cancellation.Abort);
        var run = new Run(stopping.Token, cancellation.Abort, finished);
        var ordered = Interleave(tenants);
        var canaries = ordered.Take(options.Canary).ToList();
        var rest = ordered.Skip(canaries.Count).ToList();
        var results = new List<TResult>();
        var budgets = tenants.Select(tenant => tenant.Server).Distinct()
            .ToDictionary(server => server, _ => new ConnectionBudget(options.PerServer));
        using var inFlight = new SemaphoreSlim(options.Parallel, options.Parallel);
        if (canaries.Count > 0)
        {
            results.AddRange(await RunGroupAsync(canaries, budgets, inFlight, run));
            if (!stopping.IsCancellationRequested && Volatile.Read(ref failures) > 0)
            {
                var reason = $"not started: a canary tenant failed (--canary {options.Canary})";
                results.AddRange(rest.Select(tenant => Report(notStarted(tenant, reason), finished)));
                return results;
            }
        }
        results.AddRange(await RunGroupAsync(rest, budgets, inFlight, run));
        return results;
    }

    private sealed record Run(CancellationToken Stopping, CancellationToken Abort, Action<TResult>? Finished);

    private async Task<TResult[]> RunGroupAsync(
        IReadOnlyList<TenantTarget> group, Dictionary<string, ConnectionBudget> budgets, SemaphoreSlim inFlight, Run run) =>
        await Task.WhenAll(group.Select(async tenant =>
        {
            IDisposable connections;
            try
            {
                // Server connections first, then a run-wide slot: a tenant never holds a run slot while its server is full.
                connections = await budgets[tenant.Server].TakeAsync(options.ConnectionsPerTenant, run.Stopping);
            }
            catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested)
            {
                return Report(notStarted(tenant, RunCancellation.NotStartedReason), run.Finished);
            }
            using (connections)
            {
                try
                {
                    await inFlight.WaitAsync(run.Stopping);
                }
                catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested)
                {
                    return Report(notStarted(tenant, RunCancellation.NotStartedReason), run.Finished);
                }
                try
                {
                    return Report(await StartAsync(tenant, run), run.Finished);
                }
                finally
                {
                    inFlight.Release();
                }
            }
        }));

    private async Task<TResult> StartAsync(TenantTarget tenant, Run run)
    {
        if (run.Stopping.IsCancellationRequested)
        {
            return notStarted(tenant, RunCancellation.NotStartedReason);
        }
        if (options.OnError == OnError.Stop && Volatile.Read(ref failures) > 0)
        {
            return notStarted(tenant, "not started: an earlier tenant failed (--on-error stop)");
        }
        TResult result;
        try
        {
            result = await work(tenant, run.Abort);
        }
        catch (OperationCanceledException) when (run.Abort.IsCancellationRequested && aborted is not null)
        {
            result = aborted(tenant, AbortedReason);
        }
        if (!succeeded(result))
        {
            Interlocked.Increment(ref failures);
        }
        return result;
    }

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

/// <summary>
/// The connections a run may hold to one server. A tenant takes all the connections it needs at once: taking
/// them one by one could leave two tenants each holding one and waiting forever for the other's.
/// </summary>
internal sealed class ConnectionBudget(int connections)
{
    private readonly SemaphoreSlim slots = new(connections, connections);
    private readonly SemaphoreSlim taking = new(1, 1);

    public async Task<IDisposable> TakeAsync(int count, CancellationToken cancellationToken)
    {
        await taking.WaitAsync(cancellationToken);
        var taken = 0;
        try
        {
            for (; taken < count; taken++)
            {
                await slots.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            if (taken > 0)
            {
                slots.Release(taken);
            }
            throw;
        }
        finally
        {
            taking.Release();
        }
        return new Lease(slots, count);
    }

    private sealed class Lease(SemaphoreSlim slots, int count) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release(count);
            }
        }
    }
}
