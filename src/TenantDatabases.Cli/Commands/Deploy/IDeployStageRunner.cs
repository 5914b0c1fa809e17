namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>Runs one stage of a deployment and returns what happened (the seam deploy's tests mock).</summary>
internal interface IDeployStageRunner
{
    /// <summary>Runs <paramref name="stage"/> for <paramref name="request"/>; a failure is a result, not an exception.</summary>
    Task<StageResult> RunAsync(DeployStage stage, DeployRequest request, CancellationToken cancellationToken);
}
