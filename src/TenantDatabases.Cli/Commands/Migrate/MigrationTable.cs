using Spectre.Console;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>The summary table at the end of <c>tenantdb migrate</c>.</summary>
internal static class MigrationTable
{
    /// <summary>How many tenants ended in each status, as one line.</summary>
    public static string Summary(IReadOnlyList<TenantMigrationResult> results) =>
        $"{results.Count} tenant(s): {string.Join(", ", results.GroupBy(MigrationText.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}.";

    public static void Write(IAnsiConsole console, IReadOnlyList<TenantMigrationResult> results, MigrationText text, bool dryRun)
    {
        var table = new Table().AddColumns("tenant", "server", "database", "status", dryRun ? "pending" : "applied", "seconds", "detail");
        foreach (var result in results.OrderBy(r => r.Tenant.Server, StringComparer.Ordinal).ThenBy(r => r.Tenant.Id, StringComparer.Ordinal))
        {
            var colour = result.Succeeded ? "green" : "red";
            table.AddRow(
                Markup.Escape(result.Tenant.Id),
                Markup.Escape(result.Tenant.Server),
                Markup.Escape(result.Tenant.Database),
                $"[{colour}]{Markup.Escape(MigrationText.Status(result))}[/]",
                (dryRun ? result.Pending.Count : result.Applied.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Duration.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(text.Detail(result)));
        }
        console.Write(table);
        var failed = results.Count(r => !r.Succeeded);
        console.MarkupLineInterpolated($"{Summary(results)}");
        if (failed > 0)
        {
            console.MarkupLineInterpolated($"[red]{failed} tenant(s) did not succeed.[/] Fix the cause and run tenantdb migrate again: applied scripts are never applied twice.");
        }
    }
}
