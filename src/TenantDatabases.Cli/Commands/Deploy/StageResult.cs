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
    /// <summary>A stage that ran: passed with exit code 0, else failed; its summary line built from <paramref name="line"/>.</summary>
    public static StageResult Ran(DeployStage stage, int exitCode, string? line, string output, string? report = null) =>
        new(stage, exitCode == ExitCodes.Success ? StageStatus.Passed : StageStatus.Failed, exitCode,
            StageSummary.From(exitCode, line), output, report is null ? null : Parse(report));

    /// <summary>A stage left out with <c>--skip-up</c>.</summary>
    public static StageResult Skipped(DeployStage stage, string reason) =>
        new(stage, StageStatus.Skipped, ExitCodes.Success, reason);

    /// <summary>A stage that never started because an earlier one failed.</summary>
    public static StageResult NotRun(DeployStage stage, DeployStage failed) =>
        new(stage, StageStatus.NotRun, ExitCodes.Success, $"not run: {DeployStages.Name(failed)} failed");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
