using Spectre.Console;

namespace TenantDatabases.Cli.Deploy;

/// <summary>The stage-by-stage lines deploy prints while it runs, and its closing line.</summary>
public sealed class DeploySummaryView(IAnsiConsole console)
{
    /// <summary>The opening line.</summary>
    public void Start(DeployRequest request) =>
        console.MarkupLineInterpolated($"[bold]deploy[/] stack [bold]{request.Stack}[/]: validate → preflight → pulumi up → migrate → verify");

    /// <summary>One line per stage; a failed stage also shows what it printed, indented.</summary>
    public void Stage(StageResult result)
    {
        var (mark, colour) = result.Status switch
        {
            StageStatus.Passed => ("ok  ", "green"),
            StageStatus.Failed => ("FAIL", "red"),
            StageStatus.Skipped => ("skip", "yellow"),
            _ => ("--  ", "grey"),
        };
        var showOutput = result.Status == StageStatus.Failed && result.Output.Length > 0;
        // A failed stage's own output follows, so its line need not repeat the error.
        var summary = showOutput ? $"failed (exit {result.ExitCode}):" : result.Summary;
        console.MarkupLineInterpolated(
            $"  [{colour}]{mark}[/] {DeployStages.Name(result.Stage),-10} {SecretRedaction.Redact(summary)}");
        if (showOutput)
        {
            foreach (var line in result.Output.TrimEnd().Split('\n'))
            {
                console.WriteLine("       | " + SecretRedaction.Redact(line.TrimEnd('\r')));
            }
        }
    }

    /// <summary>The closing line: success, or the stage it stopped at and what to do next.</summary>
    public void Finish(DeployOutcome outcome)
    {
        if (outcome.FailedStage is { } failed)
        {
            console.MarkupLineInterpolated(
                $"[red]deploy of stack {outcome.Request.Stack} stopped at {DeployStages.Name(failed.Stage)}[/] (exit {outcome.ExitCode}).");
            console.MarkupLineInterpolated($"next: {StageAdvice.NextStep(failed, outcome.Request)}");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]deploy of stack {outcome.Request.Stack} succeeded.[/]");
        }
    }
}
