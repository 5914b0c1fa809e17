namespace TenantDatabases.Operations.FanOut;

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
