using TenantDatabases.Cli.Commands.Deploy;

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
