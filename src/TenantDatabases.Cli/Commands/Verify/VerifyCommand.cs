using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>
/// <c>tenantdb verify</c>: checks every selected tenant database against the scripts migrate applies. Exit 0 when every
/// check of every tenant passed, 1 when any failed, 2 for usage errors and unreadable input.
/// </summary>
internal sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        var run = await VerificationRun.RunAsync(settings.ToVerificationRequest(), Console.In, cancellationToken);
        // With --format json, warnings go to stderr, so that stdout stays one JSON document (as preflight does).
        TenantSelectionOutput.Write(console, StandardErrorConsole.For(settings.IsJson, console), run.Selection);
        if (!run.Selection.Succeeded)
        {
            return TenantSelectionOutput.ExitCode(run.Selection);
        }
        if (run.ScriptProblems.Count > 0)
        {
            foreach (var scriptProblem in run.ScriptProblems)
            {
                ProblemOutput.WriteError(console, scriptProblem);
            }
            return ExitCodes.Usage;
        }
        var text = new MigrationText(run.Selection.Outputs.Passwords);
        var json = VerificationOutput.Render(run.Tenants, text);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, json);
        }
        else
        {
            VerificationOutput.WriteTable(console, run.Tenants, text);
        }
        if (settings.Report is { } report && ReportJson.TryWrite(report, json) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            return ExitCodes.Usage;
        }
        return VerificationOutput.ExitCode(run);
    }
}
