namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>Usage errors of deploy: exit 2 with a message, never a stack trace.</summary>
public sealed class DeployUsageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tenantdb-deploy-usage-").FullName;

    [Fact]
    public async Task WithoutAStackItIsAUsageError()
    {
        var run = await CommandRun.RunAsync("deploy", "--skip-up");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--stack is required", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task AMissingCwdIsAUsageError()
    {
        var run = await CommandRun.RunAsync("deploy", "--stack", "dev", "--cwd", Path.Combine(_folder, "absent"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no such folder", run.Output);
    }

    [Fact]
    public async Task AReportInAMissingFolderIsRefusedBeforeAnythingRuns()
    {
        var run = await CommandRun.RunAsync("deploy", "--stack", "dev", "--report", Path.Combine(_folder, "absent", "r.json"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.DoesNotContain("validate", run.Output);
    }

    [Fact]
    public async Task AReportThatCannotBeWrittenSaysSo()
    {
        // No Pulumi.yaml here: validate fails at once, then the report path (a folder) cannot be written.
        var run = await CommandRun.RunAsync("deploy", "--stack", "dev", "--cwd", _folder, "--report", _folder);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("stopped at validate", run.Output);
        Assert.Contains("cannot write the report", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Theory]
    [InlineData("--outputs", "{folder}/outputs.json", "--outputs needs --skip-up")]
    [InlineData("--skip-up", "--outputs", "-", "it needs a file")]
    [InlineData("--skip-up", "--outputs", "{folder}/absent.json", "no such file")]
    public async Task SavedOutputsNeedSkipUpAndAnExistingFile(params string[] optionsAndMessage)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "outputs.json"), "{}");
        var options = optionsAndMessage[..^1].Select(option => option.Replace("{folder}", _folder));

        var run = await CommandRun.RunAsync(["deploy", "--stack", "dev", .. options]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(optionsAndMessage[^1], run.Output);
        Assert.DoesNotContain("validate", run.Output);
    }

    [Fact]
    public async Task AScriptsFolderThatDoesNotExistIsRefusedBeforeAnythingRuns()
    {
        var run = await CommandRun.RunAsync("deploy", "--stack", "dev", "--scripts", Path.Combine(_folder, "absent"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"--scripts {Path.Combine(_folder, "absent")}: no such folder", run.Output);
        Assert.DoesNotContain("validate", run.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
