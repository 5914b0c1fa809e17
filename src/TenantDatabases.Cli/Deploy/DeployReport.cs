using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TenantDatabases.Cli.Deploy;

/// <summary>The JSON that <c>deploy --report</c> writes: every stage's result, including each stage's own report.</summary>
public static class DeployReport
{
    /// <summary>The report as JSON text.</summary>
    public static string ToJson(DeployOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people to read: keep ` and ' as they are
        }))
        {
            json.WriteStartObject();
            json.WriteString("stack", outcome.Request.Stack);
            json.WriteBoolean("skipUp", outcome.Request.SkipUp);
            if (outcome.Request.OutputsFile is { } outputs)
            {
                json.WriteString("outputs", outputs);
            }
            json.WriteBoolean("yes", outcome.Request.Yes);
            json.WriteBoolean("succeeded", outcome.Succeeded);
            json.WriteNumber("exitCode", outcome.ExitCode);
            if (outcome.FailedStage is { } failed)
            {
                json.WriteString("failedStage", DeployStages.Name(failed.Stage));
                json.WriteString("nextStep", StageAdvice.NextStep(failed, outcome.Request));
            }
            json.WriteStartArray("stages");
            foreach (var stage in outcome.Stages)
            {
                WriteStage(json, stage);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static Task WriteAsync(string path, DeployOutcome outcome, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, ToJson(outcome), cancellationToken);

    private static void WriteStage(Utf8JsonWriter json, StageResult stage)
    {
        json.WriteStartObject();
        json.WriteString("stage", DeployStages.Name(stage.Stage));
        json.WriteString("status", StatusName(stage.Status));
        json.WriteNumber("exitCode", stage.ExitCode);
        json.WriteString("summary", SecretRedaction.Redact(stage.Summary));
        json.WriteString("output", SecretRedaction.Redact(stage.Output));
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
        _ => "not run",
    };
}
