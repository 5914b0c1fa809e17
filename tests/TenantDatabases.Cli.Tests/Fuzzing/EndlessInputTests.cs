namespace TenantDatabases.Cli.Tests.Fuzzing;

/// <summary>
/// Every JSON input of a command is bounded while it is read, whatever the path names: /dev/zero has no size to check
/// first and never ends. The answer is a usage error naming the bound, and no advice to chmod a device.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EndlessInputTests
{
    [Theory]
    [InlineData("migrate", "--outputs", "/dev/zero", "--scripts", ".")]
    [InlineData("verify", "--outputs", "/dev/zero", "--scripts", ".")]
    [InlineData("preflight", "--stack", "valid", "--config-json", "/dev/zero")]
    [InlineData("plan", "--stack", "valid", "--previous", "/dev/zero")]
    public async Task AnEndlessDeviceIsRefusedAtTheBoundAsAUsageError(params string[] args)
    {
        var run = await CommandRun.RunAsync([.. args, "--cwd", TenantDb.Stacks]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.Output);
        Assert.Contains("/dev/zero: more than 16,777,216 bytes (16 MiB)", run.Output);
        Assert.DoesNotContain("chmod", run.Output);
    }
}
