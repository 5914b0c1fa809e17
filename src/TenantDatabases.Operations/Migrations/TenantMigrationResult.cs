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

    /// <summary>Not started, because the run stopped (--on-error stop or a failed canary).</summary>
    Skipped,
}

/// <summary>Why a tenant failed: the script (when one was running), the SQLSTATE (when the server said) and a message.</summary>
public sealed record MigrationFailure(string? Script, string? SqlState, string Message);

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
}
