using TenantDatabases.Cli.Commands.Deploy;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>pulumi up as a real child process: a stand-in script plays the CLI.</summary>
public sealed class PulumiUpStageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tenantdb-pulumi-").FullName;

    private string FakePulumi(int exitCode)
    {
        var path = Path.Combine(_folder, "pulumi");
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{_folder}/args'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
        return path;
    }

    [Fact]
    public async Task AMissingCliIsAFailedStageThatSaysSo()
    {
        var result = await new PulumiUpStage(null).RunAsync(new DeployRequest("dev", null, false, false), CancellationToken.None);

        Assert.Equal(StageStatus.Failed, result.Status);
        Assert.Equal(PulumiUpAdvice.NotOnPath, result.Summary);
    }

    [Fact]
    public async Task PulumiUpRunsWithTheStackAndYes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var result = await new PulumiUpStage(FakePulumi(0)).RunAsync(new DeployRequest("dev", null, true, false), CancellationToken.None);

        Assert.Equal(StageStatus.Passed, result.Status);
        Assert.Equal(["up", "--stack", "dev", "--yes"], File.ReadAllLines(Path.Combine(_folder, "args")));
    }

    [Fact]
    public async Task AFailingPulumiUpFailsTheStageWithItsExitCode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var result = await new PulumiUpStage(FakePulumi(255)).RunAsync(new DeployRequest("dev", null, false, false), CancellationToken.None);

        Assert.Equal(StageStatus.Failed, result.Status);
        Assert.Contains("exited with 255", result.Summary);
        Assert.DoesNotContain("--yes", File.ReadAllLines(Path.Combine(_folder, "args")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>pulumi up cancelled: SIGINT first, so Pulumi can finish its operations in flight; a kill only when it does not stop.</summary>
public sealed class PulumiUpCancellationTests
{
    private static readonly DeployRequest Request = new("dev", null, true, false);

    [Fact]
    public async Task AStoppedRunForwardsSigintAndReportsTheStageCancelledOncePulumiExits()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var pulumi = new InterruptiblePulumi();
        using var stop = new CancellationTokenSource();
        var running = new PulumiUpStage(pulumi.Executable).RunAsync(Request, new RunCancellation(stop.Token, CancellationToken.None));
        await pulumi.WaitUntilUpStartedAsync();

        await stop.CancelAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["interrupted"], pulumi.Signals);
        Assert.Equal(StageStatus.Cancelled, result.Status);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.StartsWith(PulumiUpAdvice.StoppedOnInterrupt, result.Summary);
        Assert.Contains("exited with 9", result.Summary);
    }

    [Fact]
    public async Task APulumiThatDoesNotStopIsKilledAfterTheGracePeriodAndTheAdviceNamesPendingOperations()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var pulumi = new InterruptiblePulumi(ignoresInterrupt: true);
        using var stop = new CancellationTokenSource();
        var running = new PulumiUpStage(pulumi.Executable, TimeSpan.FromSeconds(1)).RunAsync(Request, new RunCancellation(stop.Token, CancellationToken.None));
        await pulumi.WaitUntilUpStartedAsync();

        await stop.CancelAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["ignored"], pulumi.Signals);
        Assert.Equal(StageStatus.Cancelled, result.Status);
        Assert.StartsWith(PulumiUpAdvice.Killed, result.Summary);
        Assert.Contains("had not stopped 1 s after SIGINT", result.Summary);
        var advice = StageAdvice.NextStep(result, Request);
        Assert.Contains("pending operations", advice);
        Assert.Contains("pulumi refresh --stack dev --clear-pending-creates", advice);
        Assert.Contains("docs/runbooks/server-unreachable.md", advice);
    }

    [Fact]
    public async Task ASecondSignalKillsPulumiWithoutWaitingForTheGracePeriod()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var pulumi = new InterruptiblePulumi(ignoresInterrupt: true);
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        var running = new PulumiUpStage(pulumi.Executable, TimeSpan.FromMinutes(10)).RunAsync(Request, new RunCancellation(stop.Token, abort.Token));
        await pulumi.WaitUntilUpStartedAsync();

        await stop.CancelAsync();
        await Task.Delay(300);
        await abort.CancelAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["ignored"], pulumi.Signals);
        Assert.StartsWith(PulumiUpAdvice.Killed, result.Summary);
        Assert.Contains("on a second signal", result.Summary);
    }
}
