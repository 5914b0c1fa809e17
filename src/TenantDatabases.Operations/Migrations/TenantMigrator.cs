using System.Diagnostics;
using Npgsql;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Verification;
using TenantDatabases.Operations.Scripts;

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

/// <summary>Where a tenant ended up.</summary>
public enum MigrationStatus
{
    /// <summary>Scripts were applied in this run.</summary>
    Migrated,

    /// <summary>Nothing was pending.</summary>
    UpToDate,

    /// <summary>Dry run: the scripts that would run.</summary>
    Pending,

    /// <summary>Could not connect or lock, a script failed, or an applied script changed.</summary>
    Failed,

    /// <summary>Not started, because the run stopped (--on-error stop, a failed canary, or a cancelled run).</summary>
    Skipped,

    /// <summary>
    /// The run was cancelled while this tenant was in flight: the scripts in <see cref="TenantMigrationResult.Applied"/>
    /// are applied, those in <see cref="TenantMigrationResult.Pending"/> are not (a script in flight at an abort is
    /// rolled back by PostgreSQL, unless it runs without a transaction).
    /// </summary>
    Cancelled,
}

/// <summary>
/// Why a tenant failed: the script (when one was running), the SQLSTATE (when the server said) and a message.
/// <paramref name="RolledBack"/> says what became of that script: true when it ran in a transaction, so nothing of
/// it stayed; false when it runs without one (<see cref="MigrationScript.NoTransactionMarker"/>), so the statements
/// before the failing one stay applied; null when no script was running.
/// </summary>
public sealed record MigrationFailure(string? Script, string? SqlState, string Message, bool? RolledBack = null);

/// <summary>What happened to one tenant: a value the command maps to its table, report and exit code.</summary>
public sealed record TenantMigrationResult(
    TenantTarget Tenant,
    MigrationStatus Status,
    IReadOnlyList<AppliedScript> Applied,
    IReadOnlyList<string> Pending,
    TimeSpan Duration,
    MigrationFailure? Failure = null,
    TenantVerification? Verification = null)
{
    /// <summary>Migrated or up to date (or listed, in a dry run), and every check passed.</summary>
    public bool Succeeded => (Status is MigrationStatus.Migrated or MigrationStatus.UpToDate or MigrationStatus.Pending) && (Verification?.Passed ?? true);

    /// <summary>A tenant the run did not start.</summary>
    public static TenantMigrationResult NotStarted(TenantTarget tenant, string reason) =>
        new(tenant, MigrationStatus.Skipped, [], [], TimeSpan.Zero, new MigrationFailure(null, null, reason));

    /// <summary>
    /// A tenant the cancelled run stopped between two scripts: <paramref name="applied"/> committed with their
    /// journal rows, <paramref name="notStarted"/> never began.
    /// </summary>
    public static TenantMigrationResult Stopped(TenantTarget tenant, IReadOnlyList<AppliedScript> applied, IReadOnlyList<string> notStarted, TimeSpan duration) =>
        applied.Count == 0
            ? new(tenant, MigrationStatus.Skipped, [], notStarted, duration, new MigrationFailure(null, null, CancelledBeforeFirstScript))
            : new(tenant, MigrationStatus.Cancelled, applied, notStarted, duration, new MigrationFailure(null, null,
                $"the run was cancelled: stopped after {applied[^1].Name}, {notStarted.Count} script(s) not started; rerun to finish (applied scripts are never applied twice)"));

    /// <summary>
    /// A tenant in flight when the run was aborted (a second signal): <paramref name="applied"/> committed;
    /// <paramref name="running"/>, if any, was cut off, and PostgreSQL rolls back its transaction.
    /// </summary>
    public static TenantMigrationResult Aborted(
        TenantTarget tenant, IReadOnlyList<AppliedScript> applied, MigrationScript? running, IReadOnlyList<string> notApplied, TimeSpan duration)
    {
        if (running is null)
        {
            return applied.Count == 0
                ? new(tenant, MigrationStatus.Skipped, [], notApplied, duration, new MigrationFailure(null, null, "not started: the run was aborted before its first script"))
                : new(tenant, MigrationStatus.Cancelled, applied, notApplied, duration, new MigrationFailure(null, null,
                    $"the run was aborted after {applied[^1].Name}; rerun to finish"));
        }
        var message = running.RunsInTransaction
            ? "the run was aborted while this script ran: PostgreSQL rolls back its transaction, so none of it stays; rerun to finish"
            : "the run was aborted while this script ran; it runs without a transaction, so its statements that completed stay applied: check them before rerunning";
        return new(tenant, MigrationStatus.Cancelled, applied, notApplied, duration,
            new MigrationFailure(running.Name, null, message, RolledBack: running.RunsInTransaction));
    }

    /// <summary>What a tenant that the cancelled run never got to a script says.</summary>
    public const string CancelledBeforeFirstScript = "not started: the run was cancelled before its first script";
}

/// <summary>A script applied to a tenant in this run, and how long it took.</summary>
public sealed record AppliedScript(string Name, TimeSpan Duration);
