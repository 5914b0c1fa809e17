using System.Diagnostics;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The post-deploy step over many tenants: each is migrated, then checked as verify checks it (except in a dry
/// run), all on one fresh, unpooled login as the owner. A tenant holds one connection to its server at a time.
/// </summary>
public static class FleetMigration
{
    /// <summary>Connections one tenant holds at most while it is migrated.</summary>
    public const int ConnectionsPerTenant = 1;

    /// <summary>Migrates every tenant; cancelling the token aborts the tenants in flight.</summary>
    public static Task<IReadOnlyList<TenantMigrationResult>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationSettings settings, FanOutOptions options,
        Action<TenantMigrationResult>? finished = null, CancellationToken cancellationToken = default) =>
        RunAsync(outputs, tenants, settings, options, finished, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Migrates every tenant. Once <see cref="RunCancellation.Stop"/> is cancelled no tenant and no script starts,
    /// and each tenant in flight ends after its current script; <see cref="RunCancellation.Abort"/> reports the
    /// tenants in flight at once, with what they had applied.
    /// </summary>
    public static Task<IReadOnlyList<TenantMigrationResult>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationSettings settings, FanOutOptions options,
        Action<TenantMigrationResult>? finished, RunCancellation cancellation)
    {
        var fanOut = new TenantFanOut<TenantMigrationResult>(
            options with { ConnectionsPerTenant = ConnectionsPerTenant },
            (tenant, _) => TenantLogins.For(outputs, tenant) is { } login
                ? MigrateAndVerifyAsync(tenant, login, settings, cancellation)
                : Task.FromResult(new TenantMigrationResult(tenant, MigrationStatus.Failed, [], [], TimeSpan.Zero,
                    new MigrationFailure(null, null, TenantLogins.Missing(tenant)))),
            result => result.Succeeded,
            TenantMigrationResult.NotStarted,
            (tenant, reason) => TenantMigrationResult.Aborted(tenant, [], null, [], TimeSpan.Zero));
        return fanOut.RunAsync(tenants, finished, cancellation);
    }

    // DbUp's call cannot be interrupted, so an abort stops waiting for it and reports what it had applied; the
    // process then exits, its connection closes, and PostgreSQL rolls back the script in flight.
    private static async Task<TenantMigrationResult> MigrateAndVerifyAsync(
        TenantTarget tenant, TenantLogin login, MigrationSettings settings, RunCancellation cancellation)
    {
        var clock = Stopwatch.StartNew();
        var progress = new ScriptProgress();
        try
        {
            return await MigrateAndVerifyAsync(tenant, login, settings, clock, progress, cancellation).WaitAsync(cancellation.Abort);
        }
        catch (OperationCanceledException) when (cancellation.Abort.IsCancellationRequested)
        {
            return TenantMigrationResult.Aborted(tenant, progress.Applied, progress.Running, progress.NotApplied, clock.Elapsed);
        }
    }

    // Most runs find most tenants up to date. So the login first checks the tenant as verify would (it is a fresh,
    // unpooled login as the owner); when every check passes the tenant is done, with no lock, since a journal that
    // is complete stays complete. Otherwise the same connection takes the lock, DbUp migrates on it, and the checks
    // run again on it before it closes. Each login costs the server a new backend process, which on a small server
    // is most of an up-to-date tenant's time, so a tenant never logs in twice.
    private static async Task<TenantMigrationResult> MigrateAndVerifyAsync(
        TenantTarget tenant, TenantLogin login, MigrationSettings settings, Stopwatch clock, ScriptProgress progress, RunCancellation cancellation)
    {
        var abort = cancellation.Abort;
        try
        {
            await using var dataSource = TenantDataSource.Create(tenant, login, settings.DryRun ? "migrate dry-run" : "migrate");
            await using var connection = await TenantDataSource.OpenAsync(dataSource, tenant, login, abort);
            if (settings.DryRun)
            {
                // Read-only: lists what is pending, checks nothing and takes no lock.
                return await TenantMigrator.MigrateAsync(tenant, connection, settings, clock, progress, cancellation);
            }
            var check = await TenantVerifier.CheckAsync(tenant, connection, settings.Scripts, clock, abort);
            if (check.Passed)
            {
                return new TenantMigrationResult(tenant, MigrationStatus.UpToDate, [], [], clock.Elapsed, Verification: check);
            }
            if (cancellation.IsStopRequested)
            {
                return TenantMigrationResult.Stopped(tenant, [], [], clock.Elapsed);
            }
            var result = await TenantMigrator.MigrateAsync(tenant, connection, settings, clock, progress, cancellation);
            if (result.Status is not (MigrationStatus.Migrated or MigrationStatus.UpToDate))
            {
                return result;
            }
            var verification = await TenantVerifier.CheckAsync(tenant, connection, settings.Scripts, Stopwatch.StartNew(), abort);
            return result with { Verification = verification, Duration = clock.Elapsed };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new TenantMigrationResult(tenant, MigrationStatus.Failed, [], [], clock.Elapsed,
                new MigrationFailure(null, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error)));
        }
    }
}
