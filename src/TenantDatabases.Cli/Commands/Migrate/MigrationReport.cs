using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>The JSON report of <c>tenantdb migrate --report</c>: one entry per tenant, no secret.</summary>
internal static class MigrationReport
{
    public static string Render(MigrationRunResult run, MigrationText text) => ReportJson.Serialize(Document(run.Tenants, text, run.DryRun, run.Duration, run.Cancelled));

    private static object Document(IReadOnlyList<TenantMigrationResult> results, MigrationText text, bool dryRun, TimeSpan duration, bool cancelled) =>
        new
        {
            command = "migrate",
            dryRun,
            cancelled,
            succeeded = results.All(r => r.Succeeded),
            durationMs = (long)duration.TotalMilliseconds,
            summary = results.GroupBy(MigrationText.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            tenants = results.OrderBy(r => r.Tenant.Id, StringComparer.Ordinal).Select(r => new
            {
                tenant = r.Tenant.Id,
                server = r.Tenant.Server,
                region = r.Tenant.Region,
                database = r.Tenant.Database,
                status = MigrationText.Status(r),
                succeeded = r.Succeeded,
                durationMs = (long)r.Duration.TotalMilliseconds,
                appliedScripts = r.Applied.Select(a => new { name = a.Name, durationMs = (long)a.Duration.TotalMilliseconds }),
                pendingScripts = r.Pending,
                failure = r.Failure is { } f ? new { script = f.Script, sqlState = f.SqlState, message = text.Safe(f.Message), rolledBack = f.RolledBack } : null,
                checks = r.Verification?.Checks.Select(c => new { name = c.Name, passed = c.Passed, value = text.Safe(c.Value) }),
            }),
        };
}
