namespace TenantDatabases.Cli.Commands.Deploy;

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
