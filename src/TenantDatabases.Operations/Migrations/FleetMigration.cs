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

    private static async Task<TenantMigrationResult> MigrateAndVerifyAsync(
        TenantTarget tenant, string password, MigrationSettings settings, CancellationToken cancellationToken)
    {
        var result = await TenantMigrator.MigrateAsync(tenant, password, settings, cancellationToken);
        if (settings.DryRun || result.Status is not (MigrationStatus.Migrated or MigrationStatus.UpToDate))
        {
            return result;
        }
        var verification = await TenantVerifier.VerifyAsync(tenant, password, settings.Scripts, cancellationToken);
        return result with { Verification = verification, Duration = result.Duration + verification.Duration };
    }
}
