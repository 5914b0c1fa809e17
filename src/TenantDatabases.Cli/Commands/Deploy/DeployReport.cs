using System.Text;
using System.Text.Json;

namespace TenantDatabases.Cli.Commands.Deploy;

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

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static Task WriteAsync(string path, DeployResult result, CancellationToken cancellationToken = default) =>
        File.WriteAllTextAsync(path, ToJson(result), cancellationToken);

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
