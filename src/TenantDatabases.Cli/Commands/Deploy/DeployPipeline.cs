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
