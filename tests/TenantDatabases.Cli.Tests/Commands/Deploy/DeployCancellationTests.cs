using Moq;
using TenantDatabases.Cli.Commands.Deploy;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>A deployment cancelled by the first signal starts no further stage and exits 130 with every stage's state.</summary>
public sealed class DeployCancellationTests
{
    private static readonly DeployRequest Request = new("prod", null, Yes: true, SkipUp: false);

    [Fact]
    public async Task ACancelDuringAStageLetsItReportAndStartsNoFurtherStage()
    {
        using var stop = new CancellationTokenSource();
        var ran = new List<DeployStage>();
        var runner = new Mock<IDeployStageRunner>(MockBehavior.Strict);
        runner.Setup(r => r.RunAsync(It.IsAny<DeployStage>(), It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeployStage stage, DeployRequest _, CancellationToken _) =>
            {
                ran.Add(stage);
                if (stage == DeployStage.Preflight)
                {
                    stop.Cancel(); // the signal arrives while preflight runs; it still finishes
                }
                return new StageResult(stage, StageStatus.Passed, ExitCodes.Success, "passed");
            });

        var outcome = await DeployPipeline.RunAsync(runner.Object, Request, cancellationToken: stop.Token);

        Assert.Equal([DeployStage.Validate, DeployStage.Preflight], ran);
        Assert.True(outcome.Cancelled);
        Assert.Equal(ExitCodes.Cancelled, outcome.ExitCode);
        Assert.Equal([StageStatus.Passed, StageStatus.Passed, StageStatus.NotRun, StageStatus.NotRun, StageStatus.NotRun, StageStatus.NotRun], outcome.Stages.Select(s => s.Status));
        Assert.All(outcome.Stages.Skip(2), stage => Assert.Equal("not run: the deployment was cancelled", stage.Summary));
        Assert.Contains("\"cancelled\": true", DeployReport.ToJson(outcome));
    }

    [Fact]
    public async Task AStageThatEndsByCancellationIsReportedCancelledNotFailed()
    {
        using var stop = new CancellationTokenSource();
        var runner = new Mock<IDeployStageRunner>(MockBehavior.Strict);
        runner.Setup(r => r.RunAsync(It.IsAny<DeployStage>(), It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .Returns((DeployStage stage, DeployRequest _, CancellationToken token) =>
            {
                if (stage == DeployStage.Migrate)
                {
                    stop.Cancel();
                    token.ThrowIfCancellationRequested();
                }
                return Task.FromResult(new StageResult(stage, StageStatus.Passed, ExitCodes.Success, "passed"));
            });

        var outcome = await DeployPipeline.RunAsync(runner.Object, Request, cancellationToken: stop.Token);

        Assert.Equal(StageStatus.Cancelled, outcome.CancelledStage?.Status);
        Assert.Equal(DeployStage.Migrate, outcome.CancelledStage?.Stage);
        Assert.Null(outcome.FailedStage);
        Assert.Equal(StageStatus.NotRun, outcome.Stages[^1].Status);
        Assert.Equal(ExitCodes.Cancelled, outcome.ExitCode);
        Assert.Contains("rerun `tenantdb migrate --stack prod`", StageAdvice.NextStep(outcome.CancelledStage!, Request), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AMigrateStageThatExits130IsCancelledNotFailed() =>
        Assert.Equal(StageStatus.Cancelled, StageResult.Ran(DeployStage.Migrate, ExitCodes.Cancelled, "6 tenant(s)", "").Status);
}
