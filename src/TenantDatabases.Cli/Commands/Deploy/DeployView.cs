using System.Text.Json;
using System.Text;
using Spectre.Console;
using TenantDatabases.Fleet.StackFiles;

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

/// <summary>The JSON that <c>deploy --report</c> writes: every stage's result, including each stage's own report.</summary>
internal static class DeployReport
{
    /// <summary>The report as JSON text.</summary>
    public static string ToJson(DeployResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("stack", result.Request.Stack);
            json.WriteBoolean("skipUp", result.Request.SkipUp);
            if (result.Request.OutputsFile is { } outputs)
            {
                json.WriteString("outputs", outputs);
            }
            json.WriteBoolean("yes", result.Request.Yes);
            json.WriteBoolean("succeeded", result.Succeeded && !result.Cancelled);
            json.WriteBoolean("cancelled", result.Cancelled);
            json.WriteNumber("exitCode", result.ExitCode);
            if (result.CancelledStage is { } cancelled)
            {
                json.WriteString("cancelledStage", DeployStages.Name(cancelled.Stage));
                json.WriteString("nextStep", StageAdvice.NextStep(cancelled, result.Request));
            }
            else if (result.FailedStage is { } failed)
            {
                json.WriteString("failedStage", DeployStages.Name(failed.Stage));
                json.WriteString("nextStep", StageAdvice.NextStep(failed, result.Request));
            }
            json.WriteStartArray("stages");
            foreach (var stage in result.Stages)
            {
                WriteStage(json, stage);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStage(Utf8JsonWriter json, StageResult stage)
    {
        json.WriteStartObject();
        json.WriteString("stage", DeployStages.Name(stage.Stage));
        json.WriteString("status", StatusName(stage.Status));
        json.WriteNumber("exitCode", stage.ExitCode);
        json.WriteString("summary", Fleet.Secrets.SecretMask.Redact(stage.Summary));
        json.WriteString("output", Fleet.Secrets.SecretMask.Redact(stage.Output));
        if (stage.Report is { } report)
        {
            json.WritePropertyName("report");
            report.WriteTo(json);
        }
        json.WriteEndObject();
    }

    /// <summary>The status as the report and the summary spell it.</summary>
    public static string StatusName(StageStatus status) => status switch
    {
        StageStatus.Passed => "passed",
        StageStatus.Failed => "failed",
        StageStatus.Skipped => "skipped",
        StageStatus.Cancelled => "cancelled",
        _ => "not run",
    };
}

/// <summary>What an operator does next when a deployment stops at a stage.</summary>
internal static class StageAdvice
{
    /// <summary>The next step after <paramref name="failed"/> failed (commands with the same stack and --cwd).</summary>
    public static string NextStep(StageResult failed, DeployRequest request)
    {
        var target = $"--stack {request.Stack}" + (request.WorkingDirectory is { } cwd ? $" --cwd {Quote(cwd)}" : "");
        // migrate and verify read the saved outputs when deploy was given them, and their reruns should too.
        var tenants = (request.OutputsFile is { } outputs ? $"--outputs {Quote(outputs)}" : target) +
            (request.ScriptsFolder is { } scripts ? $" --scripts {Quote(scripts)}" : "");
        return failed.Stage switch
        {
            _ when failed.Status == StageStatus.Cancelled => Cancelled(failed, request, target, tenants),
            DeployStage.Validate => failed.ExitCode == ExitCodes.Usage
                ? $"Nothing was changed. Check the stack name and folder (Pulumi.yaml and {StackFile.FileName(request.Stack)} must be readable), then rerun `tenantdb deploy {target}`."
                : $"Nothing was changed. Fix every problem listed above in {StackFile.FileName(request.Stack)}, check it with `tenantdb validate {target}`, then rerun deploy.",
            DeployStage.Preflight when failed.ExitCode == ExitCodes.Usage =>
                $"Nothing was changed. Preflight could not read the servers' secrets or the stack (the error above): set PULUMI_CONFIG_PASSPHRASE for a passphrase stack, or install and log in the Pulumi CLI, then rerun deploy.",
            DeployStage.Preflight =>
                $"Nothing was changed. Fix the servers marked as errors above (docs/runbooks/server-unreachable.md), check them with `tenantdb preflight {target}`, then rerun deploy.",
            DeployStage.Stack when failed.Outcome == StageOutcome.NoPulumiCli =>
                $"Nothing has been changed by Pulumi. {PulumiUpAdvice.MissingAdvice(request.Stack)}",
            DeployStage.Stack when failed.Outcome == StageOutcome.TenantMoved =>
                $"Nothing was changed. A deployed tenant never moves: set each one back to its server as the lines above say (to move one, follow docs/runbooks/move-a-tenant.md), check with `tenantdb plan {target} --previous <saved outputs>`, then rerun deploy.",
            DeployStage.Stack =>
                $"Nothing was changed. Do what the lines above say, then rerun deploy.",
            DeployStage.PulumiUp when failed.Outcome == StageOutcome.NoPulumiCli =>
                $"Nothing has been changed by Pulumi. {PulumiUpAdvice.MissingAdvice(request.Stack)}",
            DeployStage.PulumiUp => request.Yes
                ? $"Read Pulumi's message, fix its cause and rerun deploy: validate and preflight are safe to repeat, and `pulumi up` continues where it stopped."
                : $"Read Pulumi's message, fix its cause and rerun deploy (add --yes where no one can answer Pulumi's confirmation prompt, as in a pipeline).",
            DeployStage.Migrate or DeployStage.Verify when failed.ExitCode == ExitCodes.Usage =>
                $"{DeployStages.Name(failed.Stage)} could not start (the error above), so no tenant was touched. Fix it (reading the stack outputs needs the Pulumi CLI, logged in to the stack's backend; or save them where it is, and pass them with --skip-up --outputs <file>), then run `tenantdb migrate {tenants}` and `tenantdb verify {tenants}`.",
            DeployStage.Migrate =>
                $"The databases exist; some tenants are not at the latest schema. See which failed above (or in --report), fix the cause, rerun `tenantdb migrate {tenants} --tenant <id>` for each (docs/runbooks/migration-failed.md), then `tenantdb verify {tenants}`.",
            DeployStage.Verify =>
                $"Every tenant is migrated but some failed their checks above. Fix them, then rerun `tenantdb verify {tenants}`.",
            _ => "Rerun deploy.",
        };
    }

    private static string Cancelled(StageResult cancelled, DeployRequest request, string target, string tenants) => cancelled.Stage switch
    {
        DeployStage.PulumiUp => PulumiUpAdvice.CancelledAdvice(cancelled, request.Stack),
        DeployStage.Migrate =>
            $"The databases exist; the migrate report lists every tenant as finished, stopped between scripts or not started, and no script is half-applied unless it says so. Rerun `tenantdb migrate {tenants}` to finish (applied scripts are never applied twice), then `tenantdb verify {tenants}`.",
        DeployStage.Verify => $"Every tenant is migrated; rerun `tenantdb verify {tenants}`.",
        _ => $"Nothing was changed. Rerun `tenantdb deploy {target}`.",
    };

    private static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;
}
