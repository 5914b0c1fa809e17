using Spectre.Console;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>The stage-by-stage lines deploy prints while it runs, and its closing line.</summary>
internal sealed class DeploySummaryView(IAnsiConsole console)
{
    /// <summary>The opening line.</summary>
    public void Start(DeployRequest request) =>
        console.MarkupLineInterpolated($"[bold]deploy[/] stack [bold]{request.Stack}[/]: validate → preflight → stack → pulumi up → migrate → verify");

    /// <summary>One line per stage; a failed stage also shows what it printed, indented.</summary>
    public void Stage(StageResult result)
    {
        var (mark, colour) = result.Status switch
        {
            StageStatus.Passed => ("ok  ", "green"),
            StageStatus.Failed => ("FAIL", "red"),
            StageStatus.Skipped => ("skip", "yellow"),
            StageStatus.Cancelled => ("STOP", "yellow"),
            _ => ("--  ", "grey"),
        };
        var showOutput = result.Status is StageStatus.Failed or StageStatus.Cancelled && result.Output.Length > 0;
        // A failed stage's own output follows, so its line need not repeat the error.
        var summary = !showOutput ? result.Summary
            : result.Status == StageStatus.Cancelled ? $"cancelled (exit {result.ExitCode}):" : $"failed (exit {result.ExitCode}):";
        console.MarkupLineInterpolated(
            $"  [{colour}]{mark}[/] {DeployStages.Name(result.Stage),-10} {Fleet.Secrets.SecretMask.Redact(summary)}");
        if (showOutput)
        {
            foreach (var line in result.Output.TrimEnd().Split('\n'))
            {
                console.WriteLine("       | " + Fleet.Secrets.SecretMask.Redact(line.TrimEnd('\r')));
            }
        }
    }

    /// <summary>The closing line: success, or the stage it stopped at and what to do next.</summary>
    public void Finish(DeployResult result)
    {
        if (result.Cancelled)
        {
            var stopped = result.CancelledStage is { } cancelled ? $" during {DeployStages.Name(cancelled.Stage)}" : "";
            console.MarkupLineInterpolated($"[yellow]deploy of stack {result.Request.Stack} was cancelled{stopped}[/] (exit {result.ExitCode}).");
            console.MarkupLineInterpolated($"next: {(result.CancelledStage is { } stage ? StageAdvice.NextStep(stage, result.Request) : "No stage was running; rerun deploy.")}");
        }
        else if (result.FailedStage is { } failed)
        {
            console.MarkupLineInterpolated(
                $"[red]deploy of stack {result.Request.Stack} stopped at {DeployStages.Name(failed.Stage)}[/] (exit {result.ExitCode}).");
            console.MarkupLineInterpolated($"next: {StageAdvice.NextStep(failed, result.Request)}");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]deploy of stack {result.Request.Stack} succeeded.[/]");
        }
    }
}
