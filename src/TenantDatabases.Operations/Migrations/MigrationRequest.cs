using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Migrations;

/// <summary>What <c>tenantdb migrate</c> was asked to do.</summary>
/// <param name="Tenants">Which tenants, from which stack outputs.</param>
/// <param name="ScriptsFolder">A folder of NNNN_name.sql scripts (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
/// <param name="LockTimeout">Wait for a tenant's migration lock and for each lock a script waits for.</param>
/// <param name="StatementTimeout">Longest a statement may run; null for no limit.</param>
/// <param name="DryRun">List pending scripts only.</param>
/// <param name="FanOut">How many tenants at once, per server, and what a failure stops.</param>
public sealed record MigrationRequest(
    TenantRunRequest Tenants, string? ScriptsFolder, TimeSpan LockTimeout, TimeSpan? StatementTimeout, bool DryRun, FanOutOptions FanOut)
{
    /// <summary>The defaults for every tenant of <paramref name="tenants"/> (what deploy runs), with the scripts of <paramref name="scriptsFolder"/>.</summary>
    public static MigrationRequest Defaults(TenantRunRequest tenants, string? scriptsFolder = null) =>
        new(tenants, scriptsFolder, MigrationSettings.DefaultLockTimeout, MigrationSettings.DefaultStatementTimeout, DryRun: false,
            new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer, ConnectionsPerTenant: FleetMigration.ConnectionsPerTenant));
}
