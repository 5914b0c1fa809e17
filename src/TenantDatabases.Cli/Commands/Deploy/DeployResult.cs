namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>Every stage's result, in order, and the stage the deployment stopped at (if any).</summary>
internal sealed record DeployResult(DeployRequest Request, IReadOnlyList<StageResult> Stages)
{
    /// <summary>The first failed stage, or null when the deployment went through.</summary>
    public StageResult? FailedStage => Stages.FirstOrDefault(stage => stage.Status == StageStatus.Failed);

    /// <summary>True when no stage failed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(FailedStage))]
    public bool Succeeded => FailedStage is null;

    /// <summary>0 on success; otherwise the failed stage's own exit code (1, or 2 for usage and unreadable files).</summary>
    public int ExitCode => FailedStage switch
    {
        null => ExitCodes.Success,
        { ExitCode: ExitCodes.Usage } => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };
}
