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

    public static Task<IReadOnlyList<TenantMigrationResult>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationSettings settings, FanOutOptions options,
        Action<TenantMigrationResult>? finished = null, CancellationToken cancellationToken = default)
    {
        var fanOut = new TenantFanOut<TenantMigrationResult>(
            options with { ConnectionsPerTenant = ConnectionsPerTenant },
            (tenant, token) => MigrateAndVerifyAsync(tenant, outputs.Passwords.For(tenant.Id), settings, token),
            result => result.Succeeded,
            TenantMigrationResult.NotStarted);
        return fanOut.RunAsync(tenants, finished, cancellationToken);
    }

    // Most runs find most tenants up to date. So the login first checks the tenant as verify would (it is a fresh,
    // unpooled login as the owner); when every check passes the tenant is done, with no lock, since a journal that
    // is complete stays complete. Otherwise the same connection takes the lock, DbUp migrates on it, and the checks
    // run again on it before it closes. Each login costs the server a new backend process, which on a small server
    // is most of an up-to-date tenant's time, so a tenant never logs in twice.
    private static async Task<TenantMigrationResult> MigrateAndVerifyAsync(
        TenantTarget tenant, string password, MigrationSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var dataSource = TenantDataSource.Create(tenant, password, settings.DryRun ? "migrate dry-run" : "migrate");
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (settings.DryRun)
            {
                // Read-only: lists what is pending, checks nothing and takes no lock.
                return await TenantMigrator.MigrateAsync(tenant, connection, settings, clock, cancellationToken);
            }
            var check = await TenantVerifier.CheckAsync(tenant, connection, settings.Scripts, clock, cancellationToken);
            if (check.Passed)
            {
                return new TenantMigrationResult(tenant, MigrationStatus.UpToDate, [], [], clock.Elapsed, Verification: check);
            }
            var result = await TenantMigrator.MigrateAsync(tenant, connection, settings, clock, cancellationToken);
            if (result.Status is not (MigrationStatus.Migrated or MigrationStatus.UpToDate))
            {
                return result;
            }
            var verification = await TenantVerifier.CheckAsync(tenant, connection, settings.Scripts, Stopwatch.StartNew(), cancellationToken);
            return result with { Verification = verification, Duration = clock.Elapsed };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new TenantMigrationResult(tenant, MigrationStatus.Failed, [], [], clock.Elapsed,
                new MigrationFailure(null, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error)));
        }
    }
}
