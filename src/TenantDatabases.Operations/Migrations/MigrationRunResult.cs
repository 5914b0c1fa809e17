namespace TenantDatabases.Operations.Migrations;

/// <summary>What a migration run did to every tenant, how long it took, and whether it was cancelled (SIGINT/SIGTERM).</summary>
public sealed record MigrationRunResult(IReadOnlyList<TenantMigrationResult> Tenants, bool DryRun, TimeSpan Duration, bool Cancelled = false)
{
    /// <summary>True when every tenant is migrated (or listed, in a dry run) and verified.</summary>
    public bool Succeeded => Tenants.All(tenant => tenant.Succeeded);
}
