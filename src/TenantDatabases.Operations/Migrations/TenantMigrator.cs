using System.Diagnostics;
using Npgsql;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// Migrates one tenant database as its owner role, on a connection the caller opened: takes the migration lock on
/// it, reads the journal, refuses when an applied script changed or is missing from the scripts, and lets DbUp apply
/// what is pending on it too.
/// One login per tenant: a login costs the server a new backend (tens of milliseconds of CPU on a small server),
/// far more than any script's bookkeeping, and the session lock is safest on the connection that does the work.
/// A dry run takes no lock and writes nothing (its session is read-only). Never throws for a database problem:
/// every outcome is a <see cref="TenantMigrationResult"/>.
/// </summary>
internal static class TenantMigrator
{
    /// <summary>
    /// Migrates on <paramref name="lockConnection"/> (open, as the owner, unpooled): it takes the lock, and DbUp
    /// runs the scripts on it. The caller closes it, which releases the lock. Once the run is asked to stop, no
    /// further script starts; <paramref name="progress"/> shows what was applied to whoever gives up waiting.
    /// </summary>
    public static async Task<TenantMigrationResult> MigrateAsync(
        TenantTarget tenant, NpgsqlConnection lockConnection, MigrationSettings settings, Stopwatch clock, ScriptProgress progress, RunCancellation cancellation)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Stop, cancellation.Abort);
        try
        {
            if (settings.DryRun)
            {
                await using var readOnly = new NpgsqlCommand("SET default_transaction_read_only = on", lockConnection);
                await readOnly.ExecuteNonQueryAsync(cancellation.Abort);
            }
            else if (await MigrationLock.AcquireAsync(lockConnection, settings.LockTimeout, stopping.Token) is { } held)
            {
                return Failed(tenant, clock, null, null, held);
            }
            var journal = await SchemaJournal.ReadAsync(lockConnection, knownToExist: false, cancellation.Abort);
            var comparison = JournalComparison.Compare(settings.Scripts, journal);
            if (comparison.Unknown.Count > 0)
            {
                // Applying a folder that does not know what this tenant has could run a renamed script twice.
                return Failed(tenant, clock, null, null, "refused: " + comparison.DescribeUnknown());
            }
            if (comparison.Changed.Count > 0)
            {
                var changed = comparison.Changed[0];
                return Failed(tenant, clock, changed.Name, null, "refused: " + string.Join(" ", comparison.Changed.Select(c => c.Describe())));
            }
            var pending = comparison.Pending.Select(script => script.Name).ToList();
            progress.Pending = pending;
            if (settings.DryRun || pending.Count == 0)
            {
                return new TenantMigrationResult(tenant, settings.DryRun && pending.Count > 0 ? MigrationStatus.Pending : MigrationStatus.UpToDate, [], pending, clock.Elapsed);
            }
            await SchemaJournal.EnsureAsync(lockConnection, cancellation.Abort);
            // DbUp is synchronous: give it its own thread rather than block a pool thread for minutes.
            var outcome = await Task.Factory.StartNew(
                () => DbUpRun.Apply(lockConnection, settings.SessionSetupSql, settings.Scripts, journal, settings.CommandTimeoutSeconds, progress, stopping.Token),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var notApplied = pending.Except(outcome.Applied.Select(script => script.Name)).ToList();
            if (outcome.Error is OperationCanceledException && stopping.IsCancellationRequested)
            {
                return TenantMigrationResult.Stopped(tenant, outcome.Applied, notApplied, clock.Elapsed);
            }
            if (outcome.Error is { } error)
            {
                return new TenantMigrationResult(tenant, MigrationStatus.Failed, outcome.Applied, notApplied, clock.Elapsed,
                    new MigrationFailure(outcome.ErrorScript, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error),
                        outcome.ErrorScript is { } name ? settings.Scripts.Find(name)?.RunsInTransaction : null));
            }
            return new TenantMigrationResult(tenant, MigrationStatus.Migrated, outcome.Applied, notApplied, clock.Elapsed);
        }
        // Asked to stop while waiting for the lock: nothing was applied.
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellation.Abort.IsCancellationRequested)
        {
            return TenantMigrationResult.Stopped(tenant, [], progress.Pending, clock.Elapsed);
        }
        // Anything else is still one tenant's failure: it must not end the run for the others.
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Failed(tenant, clock, null, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error));
        }
    }

    private static TenantMigrationResult Failed(TenantTarget tenant, Stopwatch clock, string? script, string? sqlState, string message) =>
        new(tenant, MigrationStatus.Failed, [], [], clock.Elapsed, new MigrationFailure(script, sqlState, message));
}
