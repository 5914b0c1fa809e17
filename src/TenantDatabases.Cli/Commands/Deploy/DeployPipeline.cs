using System.Text.Json;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// Runs the stages in order and stops at the first that fails: validate → preflight → stack → pulumi up →
/// migrate → verify. Stages after a failure are reported as not run. Cancelling the token (the first
/// SIGINT/SIGTERM) lets the stage in flight wind down and report itself, and starts no further stage.
/// </summary>
internal static class DeployPipeline
{
    /// <summary>Runs the deployment; <paramref name="stageFinished"/> sees each result as soon as it is known.</summary>
    public static async Task<DeployResult> RunAsync(
        IDeployStageRunner runner,
        DeployRequest request,
        Action<StageResult>? stageFinished = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<StageResult>();
        DeployStage? failed = null;
        foreach (var stage in DeployStages.InOrder)
        {
            var result = failed is { } failedStage ? StageResult.NotRun(stage, failedStage)
                : cancellationToken.IsCancellationRequested ? StageResult.NotRunAfterCancel(stage)
                : stage == DeployStage.PulumiUp && request.SkipUp ? StageResult.Skipped(stage, "skipped (--skip-up)")
                : await RunOneAsync(runner, stage, request, cancellationToken);
            if (result.Status == StageStatus.Failed)
            {
                failed = stage;
            }
            results.Add(result);
            stageFinished?.Invoke(result);
        }
        return new DeployResult(request, results, cancellationToken.IsCancellationRequested);
    }

    private static async Task<StageResult> RunOneAsync(
        IDeployStageRunner runner, DeployStage stage, DeployRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(stage, request, cancellationToken);
            // A failure must stop the run even if a runner reported it with exit code 0.
            return result.Status == StageStatus.Failed && result.ExitCode == ExitCodes.Success
                ? result with { ExitCode = ExitCodes.Failure }
                : result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StageResult.CancelledWhileRunning(stage);
        }
        catch (Exception error) when (error is not OperationCanceledException and not OutOfMemoryException)
        {
            return new StageResult(stage, StageStatus.Failed, ExitCodes.Failure,
                $"failed: {Fleet.Secrets.SecretMask.Redact(error.Message)}");
        }
    }
}

/// <summary>Every stage's result, in order, the stage the deployment stopped at (if any), and whether it was cancelled.</summary>
internal sealed record DeployResult(DeployRequest Request, IReadOnlyList<StageResult> Stages, bool Cancelled = false)
{
    /// <summary>The stage that was running when the deployment was cancelled, if one was.</summary>
    public StageResult? CancelledStage => Stages.FirstOrDefault(stage => stage.Status == StageStatus.Cancelled);

    /// <summary>The first failed stage, or null when the deployment went through.</summary>
    public StageResult? FailedStage => Stages.FirstOrDefault(stage => stage.Status == StageStatus.Failed);

    /// <summary>True when no stage failed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(FailedStage))]
    public bool Succeeded => FailedStage is null;

    /// <summary>130 when cancelled; 0 on success; otherwise the failed stage's own exit code (1, or 2 for usage and unreadable files).</summary>
    public int ExitCode => FailedStage switch
    {
        _ when Cancelled || CancelledStage is not null => ExitCodes.Cancelled,
        null => ExitCodes.Success,
        { ExitCode: ExitCodes.Usage } => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };
}

/// <summary>The stages of <c>tenantdb deploy</c>, in the order they run.</summary>
internal enum DeployStage
{
    /// <summary><c>tenantdb validate</c>: the stack file, no secrets, no network.</summary>
    Validate,

    /// <summary><c>tenantdb preflight</c>: every server reachable, credentials and privileges right.</summary>
    Preflight,

    /// <summary>The stack in the backend: it exists (created only with --create-stack), and no deployed tenant moves.</summary>
    Stack,

    /// <summary><c>pulumi up</c>: the Pulumi CLI creates the tenant databases and roles.</summary>
    PulumiUp,

    /// <summary><c>tenantdb migrate</c>: every tenant database to the latest schema.</summary>
    Migrate,

    /// <summary><c>tenantdb verify</c>: ownership, isolation and journal of every tenant database.</summary>
    Verify,
}

/// <summary>Order and display names of <see cref="DeployStage"/>.</summary>
internal static class DeployStages
{
    /// <summary>Every stage in the order a deployment runs them.</summary>
    public static IReadOnlyList<DeployStage> InOrder { get; } =
        [DeployStage.Validate, DeployStage.Preflight, DeployStage.Stack, DeployStage.PulumiUp, DeployStage.Migrate, DeployStage.Verify];

    /// <summary>The name an operator knows the stage by (the command it runs).</summary>
    public static string Name(DeployStage stage) => stage switch
    {
        DeployStage.Validate => "validate",
        DeployStage.Preflight => "preflight",
        DeployStage.Stack => "stack",
        DeployStage.PulumiUp => "pulumi up",
        DeployStage.Migrate => "migrate",
        DeployStage.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}

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
    JsonElement? Report = null,
    StageOutcome Outcome = StageOutcome.None)
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

/// <summary>
/// What a stage's typed result said that the advice after it depends on, set where the result is read, so that no
/// decision is made by matching the summary's words.
/// </summary>
internal enum StageOutcome
{
    /// <summary>Nothing beyond the status.</summary>
    None,
    /// <summary>The Pulumi CLI is not installed, so the stage could not run it.</summary>
    NoPulumiCli,
    /// <summary>The stack file moves a deployed tenant to another server.</summary>
    TenantMoved,
    /// <summary><c>pulumi up</c> was cancelled and stopped on SIGINT, its state saved.</summary>
    PulumiStopped,
    /// <summary><c>pulumi up</c> was killed: its operations in flight are pending operations.</summary>
    PulumiKilled,
}

/// <summary>What happened to one stage of a deployment.</summary>
internal enum StageStatus
{
    /// <summary>The stage ran and succeeded (warnings allowed).</summary>
    Passed,

    /// <summary>The stage ran and failed: the deployment stopped here.</summary>
    Failed,

    /// <summary>The stage was left out on purpose (<c>pulumi up</c> with <c>--skip-up</c>).</summary>
    Skipped,

    /// <summary>An earlier stage failed, or the deployment was cancelled, so this one never started.</summary>
    NotRun,

    /// <summary>The deployment was cancelled (SIGINT/SIGTERM) while this stage ran: it stopped, and says where it stopped.</summary>
    Cancelled,
}

/// <summary>The one line deploy shows for a stage: its outcome and the line its result is summed up in.</summary>
internal static class StageSummary
{
    /// <summary>"passed: …" or "failed (exit N): …" with the first line of <paramref name="line"/>, shortened; just the outcome without one.</summary>
    public static string From(int exitCode, string? line)
    {
        var outcome = exitCode switch
        {
            ExitCodes.Success => "passed",
            ExitCodes.Cancelled => $"cancelled (exit {exitCode})",
            _ => $"failed (exit {exitCode})",
        };
        var first = line?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null ? outcome : $"{outcome}: {Shorten(first)}";
    }

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..157] + "...";
}

/// <summary>Runs one stage of a deployment and returns what happened (the seam deploy's tests mock).</summary>
internal interface IDeployStageRunner
{
    /// <summary>Runs <paramref name="stage"/> for <paramref name="request"/>; a failure is a result, not an exception.</summary>
    Task<StageResult> RunAsync(DeployStage stage, DeployRequest request, CancellationToken cancellationToken);
}
