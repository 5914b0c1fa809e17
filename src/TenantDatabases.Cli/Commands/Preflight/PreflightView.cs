using System.Text.Json.Nodes;
using Spectre.Console;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>How a preflight is shown and reported (by the command and by deploy's preflight stage).</summary>
internal static class PreflightView
{
    /// <summary>A stack that did not load: its problems (on <paramref name="side"/>), the exit code and the first problem as the summary.</summary>
    public static VerbOutput Refused(IAnsiConsole side, ConnectableStackResult stack) =>
        new(ConnectableStackOutput.Refused(side, stack),
            stack.Problem is { } problem ? $"error: {problem}" : stack.Problems.FirstOrDefault()?.Format(stack.ProblemFile));

    /// <summary>The checks of a loaded stack: its warnings and the table, or the JSON document.</summary>
    public static VerbOutput Show(IAnsiConsole console, ConnectableStackResult stack, PreflightReport report, bool json)
    {
        var document = Document(report, stack);
        if (json)
        {
            ConsoleLines.WriteLine(console, document);
        }
        else
        {
            ConnectableStackOutput.Warnings(console, stack);
            PreflightTable.Write(console, report);
        }
        return new VerbOutput(ExitCode(report), Summary(report), document);
    }

    /// <summary>130 when the run was cancelled; else 0 with no error (warnings allowed), 1 with any.</summary>
    public static int ExitCode(PreflightReport report) =>
        report.Cancelled ? ExitCodes.Cancelled : report.Status == CheckStatus.Error ? ExitCodes.Failure : ExitCodes.Success;

    /// <summary>The JSON report; the checks never quote a password, and the mask is the last line of defence anyway.</summary>
    public static string Document(PreflightReport report, ConnectableStackResult stack) =>
        new SecretMask(stack.Passwords?.Values ?? []).Apply(PreflightJson.Write(report, stack.SecretSource));

    /// <summary>The one-line summary under the table.</summary>
    public static string Summary(PreflightReport report)
    {
        var errors = report.Servers.Count(server => server.Status == CheckStatus.Error);
        var warnings = report.Servers.Count(server => server.Status == CheckStatus.Warning);
        return $"{report.Servers.Count} servers checked in {report.Elapsed.TotalSeconds:0.0} s: " +
               $"{report.Servers.Count - errors - warnings} ok, {warnings} with warnings, {errors} with errors" +
               (report.Cancelled ? $" (cancelled: {report.Servers.Count(server => server.Find(CheckNames.Run) is not null)} not checked)." : ".");
    }
}

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
        console.MarkupLine(Markup.Escape(PreflightView.Summary(report)));
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "[green]ok[/]",
        CheckStatus.Warning => "[yellow]warning[/]",
        _ => "[red]error[/]",
    };
}

/// <summary>The JSON report of a preflight: every server with every check (name, status, message, fix).</summary>
internal static class PreflightJson
{
    /// <summary>The report as indented JSON.</summary>
    public static string Write(PreflightReport report, string secretSource) => new JsonObject
    {
        ["stack"] = report.Stack,
        ["status"] = Name(report.Status),
        ["cancelled"] = report.Cancelled,
        ["elapsedMs"] = (long)report.Elapsed.TotalMilliseconds,
        ["secretSource"] = secretSource,
        ["servers"] = new JsonArray(report.Servers.Select(server => (JsonNode)new JsonObject
        {
            ["name"] = server.Server,
            ["host"] = server.Host,
            ["port"] = server.Port,
            ["status"] = Name(server.Status),
            ["elapsedMs"] = (long)server.Elapsed.TotalMilliseconds,
            ["checks"] = new JsonArray(server.Checks.Select(check => (JsonNode)new JsonObject
            {
                ["name"] = check.Name,
                ["status"] = Name(check.Status),
                ["message"] = check.Message,
                ["fix"] = check.Fix,
            }).ToArray()),
        }).ToArray()),
    }.ToJsonString(ReportJson.Options);

    /// <summary>ok, warning or error.</summary>
    public static string Name(CheckStatus status) => status.ToString().ToLowerInvariant();
}
