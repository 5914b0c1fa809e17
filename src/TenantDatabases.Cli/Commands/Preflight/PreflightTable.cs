using Spectre.Console;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>The preflight report as a table: one row per check, the fix under the message of every check that did not pass.</summary>
internal static class PreflightTable
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
        console.MarkupLine(Markup.Escape(PreflightOutput.Summary(report)));
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "[green]ok[/]",
        CheckStatus.Warning => "[yellow]warning[/]",
        _ => "[red]error[/]",
    };
}
