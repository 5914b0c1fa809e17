using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Output;

/// <summary>The words a migration or verification result is shown with, with every foreign message masked.</summary>
internal sealed class MigrationText(TenantPasswords passwords)
{
    private readonly SecretMask mask = new(passwords.All);

    /// <summary>Foreign text (a server's message) with every tenant password and connection-string secret masked.</summary>
    public string Safe(string text) => mask.Apply(text);

    public static string Status(TenantMigrationResult result) => result switch
    {
        { Status: MigrationStatus.Migrated or MigrationStatus.UpToDate, Verification.Passed: false } => "verify failed",
        { Status: MigrationStatus.Migrated } => "migrated",
        { Status: MigrationStatus.UpToDate } => "up to date",
        { Status: MigrationStatus.Pending } => "pending",
        { Status: MigrationStatus.Skipped } => "skipped",
        { Status: MigrationStatus.Cancelled } => "cancelled",
        _ => "failed",
    };

    public string Detail(TenantMigrationResult result)
    {
        if (result.Failure is { } failure)
        {
            var at = failure.Script is null ? "" : $"{failure.Script}: ";
            var state = failure.SqlState is null ? "" : $" (SQLSTATE {failure.SqlState})";
            var rollback = result.Status != MigrationStatus.Failed ? "" : failure.RolledBack switch
            {
                true => "; the script was rolled back",
                false => "; the script runs without a transaction: its statements before the failing one stay applied",
                null => "",
            };
            return Safe(at + failure.Message + state + rollback);
        }
        if (result.Verification is { Passed: false } verification)
        {
            return Safe(verification.DescribeFailures());
        }
        return result.Status switch
        {
            MigrationStatus.Pending => string.Join(", ", result.Pending),
            MigrationStatus.Migrated => $"{result.Applied.Count} script(s), now at {result.Applied[^1].Name}",
            _ => "",
        };
    }

    public string Line(TenantMigrationResult result) =>
        $"{(result.Succeeded ? "ok  " : "FAIL")} {result.Tenant.Id} ({result.Tenant.Server}) {Status(result)} in {result.Duration.TotalSeconds:0.00} s" +
        (Detail(result) is { Length: > 0 } detail ? $": {detail}" : "");
}
