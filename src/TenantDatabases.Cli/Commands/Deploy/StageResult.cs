using System.Text.Json;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// The outcome of one stage: its status and exit code, a one-line summary, what it printed (passwords
/// masked) and the JSON report it wrote, when the stage writes one.
/// </summary>
internal sealed record StageResult(
    DeployStage Stage,
    StageStatus Status,
    int ExitCode,
    string Summary,
    string Output = "",
    JsonElement? Report = null)
{
    /// <summary>A stage that ran: passed with exit code 0, cancelled with 130, else failed; its summary line built from <paramref name="line"/>.</summary>
    public static StageResult Ran(DeployStage stage, int exitCode, string? line, string output, string? report = null) =>
        new(stage, exitCode switch
            {
                ExitCodes.Success => StageStatus.Passed,
                ExitCodes.Cancelled => StageStatus.Cancelled,
                _ => StageStatus.Failed,
            }, exitCode, StageSummary.From(exitCode, line), output, report is null ? null : Parse(report));

    /// <summary>A stage left out with <c>--skip-up</c>.</summary>
    public static StageResult Skipped(DeployStage stage, string reason) =>
        new(stage, StageStatus.Skipped, ExitCodes.Success, reason);

    /// <summary>A stage that never started because an earlier one failed.</summary>
    public static StageResult NotRun(DeployStage stage, DeployStage failed) =>
        new(stage, StageStatus.NotRun, ExitCodes.Success, $"not run: {DeployStages.Name(failed)} failed");

    /// <summary>A stage that never started because the deployment was cancelled.</summary>
    public static StageResult NotRunAfterCancel(DeployStage stage) =>
        new(stage, StageStatus.NotRun, ExitCodes.Success, "not run: the deployment was cancelled");

    /// <summary>A stage that ended by cancellation without a result of its own.</summary>
    public static StageResult CancelledWhileRunning(DeployStage stage) =>
        new(stage, StageStatus.Cancelled, ExitCodes.Cancelled, "cancelled (SIGINT or SIGTERM) while it ran");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
