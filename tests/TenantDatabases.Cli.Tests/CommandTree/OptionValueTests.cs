namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>A value an option cannot take is refused in the option's own words, never as a .NET conversion message.</summary>
public sealed class OptionValueTests
{
    [Theory]
    [InlineData("--statement-timeout abc", "--statement-timeout abc: not a whole number")]
    [InlineData("--lock-timeout=1.5", "--lock-timeout 1.5: not a whole number")]
    [InlineData("--parallel many", "--parallel many: not a whole number")]
    [InlineData("--canary 99999999999", "--canary 99999999999: not a whole number")]
    public async Task AWholeNumberOptionSaysWhichOptionAndWhatItTakes(string option, string expected)
    {
        var run = await CommandRun.RunAsync(["migrate", "--outputs", "x.json", .. option.Split(' ')]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.Output);
        Assert.Contains($"error: {expected}", run.Output);
        Assert.DoesNotContain("Int32", run.Output);
    }

    [Theory]
    [InlineData("preflight", "abc", "--timeout abc: not a number of seconds")]
    [InlineData("preflight", "0", "--timeout must be more than 0 and at most 600 seconds")]
    [InlineData("preflight", "601", "--timeout must be more than 0 and at most 600 seconds")]
    [InlineData("rotate-password", "-1", "--timeout must be more than 0 and at most 600 seconds")]
    public async Task ATimeoutSaysWhatItTakesAndNeverThatZeroIsAllowedWhenItIsNot(string command, string value, string expected)
    {
        string[] server = command == "rotate-password" ? ["--server", "eu-primary"] : [];
        var run = await CommandRun.RunAsync([command, "--stack", "valid", "--cwd", TenantDb.Stacks, .. server, "--timeout", value]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.Output);
        Assert.Contains(expected, run.Output);
        Assert.DoesNotContain("between 0 and", run.Output);
        Assert.DoesNotContain("Double", run.Output);
    }
}
