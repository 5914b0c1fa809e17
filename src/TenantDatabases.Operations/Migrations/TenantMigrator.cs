using System.Diagnostics;
using Npgsql;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.StackOutputs;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// Migrates one tenant database as its owner role: takes the migration lock on a dedicated connection, reads the
/// journal, refuses when an applied script changed, and lets DbUp apply what is pending on a second connection.
/// A dry run takes no lock and writes nothing (its session is read-only). Never throws for a database problem:
/// every outcome is a <see cref="TenantMigrationResult"/>.
/// </summary>
public static class TenantMigrator
{
    public static async Task<TenantMigrationResult> MigrateAsync(
        TenantTarget tenant, string password, MigrationSettings settings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var lockSource = TenantDataSource.Create(tenant, password, settings.DryRun ? "migrate dry-run" : "migrate lock");
            await using var lockConnection = await lockSource.OpenConnectionAsync(cancellationToken);
            return await MigrateAsync(tenant, password, lockConnection, settings, clock, cancellationToken);
        }
        // Anything else is still one tenant's failure: it must not end the run for the others.
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Failed(tenant, clock, null, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error));
        }
    }

    /// <summary>
    /// Migrates with <paramref name="lockConnection"/> (open, as the owner) as the connection that holds the lock;
    /// DbUp gets a connection of its own.
    /// </summary>
    public static async Task<TenantMigrationResult> MigrateAsync(
        TenantTarget tenant, string password, NpgsqlConnection lockConnection, MigrationSettings settings, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.DryRun)
            {
                await using var readOnly = new NpgsqlCommand("SET default_transaction_read_only = on", lockConnection);
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }
            else if (await MigrationLock.AcquireAsync(lockConnection, settings.LockTimeout, cancellationToken) is { } held)
            {
                return Failed(tenant, clock, null, null, held);
            }
            var journal = await SchemaJournal.ReadAsync(lockConnection, knownToExist: false, cancellationToken);
            var comparison = JournalComparison.Compare(settings.Scripts, journal);
            if (comparison.Changed.Count > 0)
            {
                var changed = comparison.Changed[0];
                return Failed(tenant, clock, changed.Name, null, "refused: " + string.Join(" ", comparison.Changed.Select(c => c.Describe())));
            }
            var pending = comparison.Pending.Select(script => script.Name).ToList();
            if (settings.DryRun || pending.Count == 0)
            {
                return new TenantMigrationResult(tenant, settings.DryRun && pending.Count > 0 ? MigrationStatus.Pending : MigrationStatus.UpToDate, [], pending, clock.Elapsed);
            }
            await SchemaJournal.EnsureAsync(lockConnection, cancellationToken);
            await using var migrationSource = TenantDataSource.Create(tenant, password, "migrate", settings.CommandTimeoutSeconds ?? 0);
            // DbUp is synchronous: give it its own thread rather than block a pool thread for minutes.
            var outcome = await Task.Factory.StartNew(
                () => DbUpRun.Apply(migrationSource, settings.SessionSetupSql, settings.Scripts, journal, settings.CommandTimeoutSeconds),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var notApplied = pending.Except(outcome.Applied.Select(script => script.Name)).ToList();
            if (outcome.Error is { } error)
            {
                return new TenantMigrationResult(tenant, MigrationStatus.Failed, outcome.Applied, notApplied, clock.Elapsed,
                    new MigrationFailure(outcome.ErrorScript, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error)));
            }
            return new TenantMigrationResult(tenant, MigrationStatus.Migrated, outcome.Applied, notApplied, clock.Elapsed);
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
