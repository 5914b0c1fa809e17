using Spectre.Console;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>The table and the JSON document of <c>tenantdb verify</c>.</summary>
internal static class VerificationOutput
{
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<TenantVerification> results, MigrationText text)
    {
        var table = new Table().AddColumns("tenant", "server", "database", "result", "detail");
        foreach (var result in results.OrderBy(r => r.Tenant.Server, StringComparer.Ordinal).ThenBy(r => r.Tenant.Id, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(result.Tenant.Id),
                Markup.Escape(result.Tenant.Server),
                Markup.Escape(result.Tenant.Database),
                result.Passed ? "[green]passed[/]" : "[red]failed[/]",
                Markup.Escape(result.Passed ? string.Join(", ", result.Checks.Select(c => c.Name)) : text.Safe(result.DescribeFailures())));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{Summary(results)}");
    }

    /// <summary>How many tenants passed and failed, as one line.</summary>
    public static string Summary(IReadOnlyList<TenantVerification> results)
    {
        var failed = results.Count(r => !r.Passed);
        return $"{results.Count} tenant(s): {results.Count - failed} passed, {failed} failed.";
    }

    /// <summary>0 when every check of every tenant passed, 1 when any failed.</summary>
    public static int ExitCode(VerificationRunResult run) => run.Succeeded ? ExitCodes.Success : ExitCodes.Failure;

    public static string Render(IReadOnlyList<TenantVerification> results, MigrationText text) =>
        ReportJson.Serialize<object>(new
        {
            command = "verify",
            succeeded = results.All(r => r.Passed),
            tenants = results.OrderBy(r => r.Tenant.Id, StringComparer.Ordinal).Select(r => new
            {
                tenant = r.Tenant.Id,
                server = r.Tenant.Server,
                region = r.Tenant.Region,
                database = r.Tenant.Database,
                passed = r.Passed,
                durationMs = (long)r.Duration.TotalMilliseconds,
                checks = r.Checks.Select(c => new { name = c.Name, passed = c.Passed, value = text.Safe(c.Value) }),
            }),
        });
}
