using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>The built tenantdb deploy cancelled during <c>pulumi up</c>, as a CI runner cancels it: SIGTERM to tenantdb alone.</summary>
public sealed class CancelledDeployTests(LocalFleetFixture fleet) : IClassFixture<LocalFleetFixture>
{
    [Fact]
    public async Task SigtermDuringPulumiUpForwardsSigintToPulumiAndReportsTheStageCancelledWithTheRunbooksAdvice()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var pulumi = new InterruptiblePulumi(outputsFile: fleet.OutputsFile);
        using var stack = fleet.Stack();
        var report = Path.Combine(stack.Directory, "deploy-report.json");
        var path = string.Join(Path.PathSeparator, [pulumi.Folder, .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)]);

        using var deploy = TenantDb.Start(["deploy", "--stack", "test", "--cwd", stack.Directory, "--yes", "--report", report], path,
            new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = LocalFleetFixture.Passphrase, ["PULUMI_CONFIG_PASSPHRASE_FILE"] = null });
        var stdout = deploy.StandardOutput.ReadToEndAsync();
        var stderr = deploy.StandardError.ReadToEndAsync();
        await pulumi.WaitUntilUpStartedAsync();
        Signals.Send(deploy, Signals.Terminate);
        await deploy.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await stdout + await stderr;

        Assert.True(deploy.ExitCode == ExitCodes.Cancelled, output);
        Assert.Equal(["interrupted"], pulumi.Signals);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.All(fleet.Secrets, secret => Assert.DoesNotContain(secret, output));
        Assert.Contains("was cancelled during pulumi up", output);
        Assert.Contains("--clear-pending-creates", output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = json.RootElement;
        Assert.True(root.GetProperty("cancelled").GetBoolean());
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(ExitCodes.Cancelled, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("pulumi up", root.GetProperty("cancelledStage").GetString());
        Assert.Contains("server-unreachable.md", root.GetProperty("nextStep").GetString());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["passed", "passed", "passed", "cancelled", "not run", "not run"], stages.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal("not run: the deployment was cancelled", stages[4].GetProperty("summary").GetString());
        Assert.Contains("SIGINT forwarded", stages[3].GetProperty("summary").GetString());
    }
}
