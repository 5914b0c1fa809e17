using Moq;
using TenantDatabases.Cli.Commands.Deploy;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

public sealed class DeployPipelineTests
{
    private static readonly DeployRequest Request = new("prod", null, Yes: true, SkipUp: false);

    private static StageResult Passed(DeployStage stage) => new(stage, StageStatus.Passed, ExitCodes.Success, "passed");

    private static StageResult Failed(DeployStage stage, int exitCode = ExitCodes.Failure) =>
        new(stage, StageStatus.Failed, exitCode, "failed");

    private static Mock<IDeployStageRunner> RunnerRecording(List<DeployStage> ran, DeployStage? failing = null, int exitCode = 1)
    {
        var runner = new Mock<IDeployStageRunner>(MockBehavior.Strict);
        runner.Setup(r => r.RunAsync(It.IsAny<DeployStage>(), It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeployStage stage, DeployRequest _, CancellationToken _) =>
            {
                ran.Add(stage);
                return stage == failing ? Failed(stage, exitCode) : Passed(stage);
            });
        return runner;
    }

    [Fact]
    public async Task StagesRunInDeploymentOrder()
    {
        var ran = new List<DeployStage>();
        var outcome = await DeployPipeline.RunAsync(RunnerRecording(ran).Object, Request);

        Assert.Equal([DeployStage.Validate, DeployStage.Preflight, DeployStage.Stack, DeployStage.PulumiUp, DeployStage.Migrate, DeployStage.Verify], ran);
        Assert.True(outcome.Succeeded);
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.All(outcome.Stages, stage => Assert.Equal(StageStatus.Passed, stage.Status));
    }

    [Theory]
    [InlineData(nameof(DeployStage.Validate))]
    [InlineData(nameof(DeployStage.Preflight))]
    [InlineData(nameof(DeployStage.Stack))]
    [InlineData(nameof(DeployStage.PulumiUp))]
    [InlineData(nameof(DeployStage.Migrate))]
    [InlineData(nameof(DeployStage.Verify))]
    public async Task DeploymentStopsAtTheFirstFailingStage(string failingStage)
    {
        var failing = Enum.Parse<DeployStage>(failingStage);
        var ran = new List<DeployStage>();
        var runner = RunnerRecording(ran, failing);

        var outcome = await DeployPipeline.RunAsync(runner.Object, Request);

        var expected = DeployStages.InOrder.TakeWhile(stage => stage != failing).Append(failing).ToList();
        Assert.Equal(expected, ran);
        Assert.Equal(failing, outcome.FailedStage?.Stage);
        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.All(outcome.Stages.SkipWhile(stage => stage.Stage != failing).Skip(1),
            stage => Assert.Equal(StageStatus.NotRun, stage.Status));
        Assert.Equal(6, outcome.Stages.Count);
    }

    [Fact]
    public async Task SkipUpRunsEveryStageButPulumiUp()
    {
        var ran = new List<DeployStage>();
        var outcome = await DeployPipeline.RunAsync(RunnerRecording(ran).Object, Request with { SkipUp = true });

        // The stack stage still runs: it compares the plan with the outputs the pulumi up elsewhere left.
        Assert.Equal([DeployStage.Validate, DeployStage.Preflight, DeployStage.Stack, DeployStage.Migrate, DeployStage.Verify], ran);
        Assert.Equal(StageStatus.Skipped, outcome.Stages.Single(stage => stage.Stage == DeployStage.PulumiUp).Status);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task AUsageErrorOfAStageIsDeploysExitCode()
    {
        var outcome = await DeployPipeline.RunAsync(RunnerRecording([], DeployStage.Validate, ExitCodes.Usage).Object, Request);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
    }

    [Fact]
    public async Task AFailureReportedWithExitCodeZeroStillStopsWithExitOne()
    {
        var runner = new Mock<IDeployStageRunner>();
        runner.Setup(r => r.RunAsync(DeployStage.Validate, It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StageResult(DeployStage.Validate, StageStatus.Failed, ExitCodes.Success, "failed"));

        var outcome = await DeployPipeline.RunAsync(runner.Object, Request);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        runner.Verify(r => r.RunAsync(DeployStage.Preflight, It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AStageThatThrowsIsAFailedStageWithoutThePassword()
    {
        var runner = new Mock<IDeployStageRunner>();
        runner.Setup(r => r.RunAsync(It.IsAny<DeployStage>(), It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeployStage stage, DeployRequest _, CancellationToken _) => Passed(stage));
        runner.Setup(r => r.RunAsync(DeployStage.Migrate, It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("Host=db;Password=hunter2-secret;"));

        var outcome = await DeployPipeline.RunAsync(runner.Object, Request);

        Assert.Equal(DeployStage.Migrate, outcome.FailedStage?.Stage);
        Assert.DoesNotContain("hunter2-secret", outcome.FailedStage!.Summary);
        runner.Verify(r => r.RunAsync(DeployStage.Verify, It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task EachStageIsReportedAsSoonAsItFinishes()
    {
        var seen = new List<(DeployStage, StageStatus)>();
        await DeployPipeline.RunAsync(RunnerRecording([], DeployStage.Preflight).Object, Request,
            stage => seen.Add((stage.Stage, stage.Status)));

        Assert.Equal(
            [(DeployStage.Validate, StageStatus.Passed), (DeployStage.Preflight, StageStatus.Failed),
             (DeployStage.Stack, StageStatus.NotRun), (DeployStage.PulumiUp, StageStatus.NotRun), (DeployStage.Migrate, StageStatus.NotRun), (DeployStage.Verify, StageStatus.NotRun)],
            seen);
    }

    [Fact]
    public async Task TheRequestReachesEveryStageUnchanged()
    {
        var runner = new Mock<IDeployStageRunner>();
        runner.Setup(r => r.RunAsync(It.IsAny<DeployStage>(), It.IsAny<DeployRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeployStage stage, DeployRequest _, CancellationToken _) => Passed(stage));
        var request = new DeployRequest("eu-west", "/srv/infra", Yes: false, SkipUp: false);

        await DeployPipeline.RunAsync(runner.Object, request);

        runner.Verify(r => r.RunAsync(It.IsAny<DeployStage>(), request, It.IsAny<CancellationToken>()), Times.Exactly(6));
    }
}
