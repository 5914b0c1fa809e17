using System.Diagnostics;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.StackOutputs;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The post-deploy step over many tenants: each is migrated, then verified on a fresh connection (except in a
/// dry run). A tenant holds at most two connections to its server at a time: its lock and its migration, then
/// (both closed) its verification.
/// </summary>
public static class FleetMigration
{
    /// <summary>Connections one tenant holds at most while it is migrated.</summary>
    public const int ConnectionsPerTenant = 2;

    public static Task<IReadOnlyList<TenantMigrationResult>> RunAsync(
        StackOutputs.StackOutputs outputs, IReadOnlyList<TenantTarget> tenants, MigrationSettings settings, FanOutOptions options,
        Action<TenantMigrationResult>? finished = null, CancellationToken cancellationToken = default)
    {
        var fanOut = new TenantFanOut<TenantMigrationResult>(
            options with { ConnectionsPerTenant = ConnectionsPerTenant },
            (tenant, token) => MigrateAndVerifyAsync(tenant, outputs.Passwords.For(tenant.Id), settings, token),
            result => result.Succeeded,
            TenantMigrationResult.NotStarted);
        return fanOut.RunAsync(tenants, finished, cancellationToken);
    }

    // Most runs find most tenants up to date. So the first connection checks the tenant as verify would (it is a
    // fresh, unpooled login); when every check passes the tenant is done with one connection and no lock, since a
    // journal that is complete stays complete. Otherwise that connection takes the lock, DbUp migrates on a
    // second one, and a fresh third one verifies once the other two are closed.
    private static async Task<TenantMigrationResult> MigrateAndVerifyAsync(
        TenantTarget tenant, string password, MigrationSettings settings, CancellationToken cancellationToken)
    {
        if (settings.DryRun)
        {
            return await TenantMigrator.MigrateAsync(tenant, password, settings, cancellationToken);
        }
        var clock = Stopwatch.StartNew();
        TenantMigrationResult result;
        try
        {
            await using var dataSource = TenantDataSource.Create(tenant, password, "migrate");
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var check = await TenantVerifier.CheckAsync(tenant, connection, settings.Scripts, clock, cancellationToken);
            if (check.Passed)
            {
                return new TenantMigrationResult(tenant, MigrationStatus.UpToDate, [], [], clock.Elapsed, Verification: check);
            }
            result = await TenantMigrator.MigrateAsync(tenant, password, connection, settings, clock, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new TenantMigrationResult(tenant, MigrationStatus.Failed, [], [], clock.Elapsed,
                new MigrationFailure(null, ConnectionFailure.SqlState(error), ConnectionFailure.Describe(error)));
        }
        if (result.Status is not (MigrationStatus.Migrated or MigrationStatus.UpToDate))
        {
            return result;
        }
        var verification = await TenantVerifier.VerifyAsync(tenant, password, settings.Scripts, cancellationToken);
        return result with { Verification = verification, Duration = clock.Elapsed };
    }
}
