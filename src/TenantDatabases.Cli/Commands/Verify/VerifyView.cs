using Spectre.Console;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>How a verification is shown, by the command and by deploy's verify stage alike.</summary>
internal static class VerifyView
{
    /// <summary>
    /// The run: when it could not start, the selection's or the scripts' problems on <paramref name="side"/>; else the
    /// table (or the JSON document) and, on <paramref name="side"/>, what a cancelled run left unchecked.
    /// </summary>
    public static VerbOutput Show(IAnsiConsole console, IAnsiConsole side, VerificationRunResult run, bool json)
    {
        TenantSelectionOutput.Write(side, side, run.Selection);
        if (!run.Selection.Succeeded)
        {
            return new VerbOutput(TenantSelectionOutput.ExitCode(run.Selection), VerbOutput.FirstError(run.Selection.Problems));
        }
        if (run.ScriptProblems.Count > 0)
        {
            foreach (var problem in run.ScriptProblems)
            {
                ProblemOutput.WriteError(side, problem);
            }
            return new VerbOutput(ExitCodes.Usage, VerbOutput.FirstError(run.ScriptProblems));
        }
        var text = new MigrationText(run.Selection.Outputs.Passwords);
        var document = Render(run, text);
        if (json)
        {
            ConsoleLines.WriteLine(console, document);
        }
        else if (run.Tenants.Count == 0)
        {
            ConsoleLines.WriteLine(console, Summary(run.Tenants));
        }
        else
        {
            WriteTable(console, run.Tenants, text);
        }
        if (run.Cancelled)
        {
            side.MarkupLine("[yellow]The run was cancelled:[/] the tenants marked 'not run' were not checked; rerun tenantdb verify.");
        }
        return new VerbOutput(ExitCode(run), Summary(run.Tenants), document);
    }

    public static void WriteTable(IAnsiConsole console, IReadOnlyList<TenantVerification> results, MigrationText text)
    {
        var table = new Table().AddColumns("tenant", "server", "database", "result", "detail");
        foreach (var result in results.OrderBy(r => r.Tenant.Server, StringComparer.Ordinal).ThenBy(r => r.Tenant.Id, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(result.Tenant.Id),
                Markup.Escape(result.Tenant.Server),
                Markup.Escape(result.Tenant.Database),
                result.Passed ? "[green]passed[/]" : result.WasRun ? "[red]failed[/]" : "[yellow]not run[/]",
                Markup.Escape(result.Passed ? string.Join(", ", result.Checks.Select(c => c.Name)) : text.Safe(result.DescribeFailures())));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{Summary(results)}");
    }

    /// <summary>How many tenants passed and failed, as one line.</summary>
    public static string Summary(IReadOnlyList<TenantVerification> results)
    {
        if (results.Count == 0)
        {
            return "The stack outputs hold no tenant: nothing to verify.";
        }
        var notRun = results.Count(r => !r.WasRun);
        var failed = results.Count(r => !r.Passed) - notRun;
        return $"{results.Count} tenant(s): {results.Count - failed - notRun} passed, {failed} failed" + (notRun > 0 ? $", {notRun} not run." : ".");
    }

    /// <summary>130 when the run was cancelled; else 0 when every check of every tenant passed, 1 when any failed.</summary>
    public static int ExitCode(VerificationRunResult run) =>
        run.Cancelled ? ExitCodes.Cancelled : run.Succeeded ? ExitCodes.Success : ExitCodes.Failure;

    public static string Render(VerificationRunResult run, MigrationText text) =>
        ReportJson.Serialize<object>(new
        {
            command = "verify",
            succeeded = run.Tenants.All(r => r.Passed),
            cancelled = run.Cancelled,
            tenants = run.Tenants.OrderBy(r => r.Tenant.Id, StringComparer.Ordinal).Select(r => new
            {
                tenant = r.Tenant.Id,
                server = r.Tenant.Server,
                region = r.Tenant.Region,
                database = r.Tenant.Database,
                passed = r.Passed,
                @checked = r.WasRun,
                durationMs = (long)r.Duration.TotalMilliseconds,
                checks = r.Checks.Select(c => new { name = c.Name, passed = c.Passed, value = text.Safe(c.Value) }),
            }),
        });
}
