using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Operations.Migrations;

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
