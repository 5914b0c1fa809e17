using Spectre.Console;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Preflight;

/// <summary>The preflight report as a table: one row per check, the fix under the message of every check that did not pass.</summary>
public static class PreflightTable
{
    /// <summary>Writes the table and a one-line summary.</summary>
    public static void Write(IAnsiConsole console, PreflightReport report)
    {
        var table = new Table().AddColumns("server", "check", "status", "result");
        foreach (var server in report.Servers)
        {
            var first = true;
            foreach (var check in server.Checks)
            {
                var result = Markup.Escape(check.Message) + (check.Fix is null ? "" : $"\n[dim]fix: {Markup.Escape(check.Fix)}[/]");
                table.AddRow(
                    new Markup(first ? Markup.Escape(server.Server) : ""),
                    new Markup(Markup.Escape(check.Name)),
                    new Markup(Status(check.Status)),
                    new Markup(result));
                first = false;
            }
        }
        console.Write(table);
        var errors = report.Servers.Count(server => server.Status == CheckStatus.Error);
        var warnings = report.Servers.Count(server => server.Status == CheckStatus.Warning);
        console.MarkupLine($"{report.Servers.Count} servers checked in {report.Elapsed.TotalSeconds:0.0} s: " +
                           $"{report.Servers.Count - errors - warnings} ok, {warnings} with warnings, {errors} with errors.");
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "[green]ok[/]",
        CheckStatus.Warning => "[yellow]warning[/]",
        _ => "[red]error[/]",
    };
}
