using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Tests.Processes;

/// <summary>
/// The one process runner and the Pulumi CLI's gateway, on real programs: a program that cannot start, runs past its
/// time, or prints past its bound ends with a typed reason and no exception; the gateway classifies the CLI's known
/// answers and masks a secret it was given wherever the CLI echoes it.
/// </summary>
public sealed class ExternalCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tenantdb-processes-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AProgramThatDoesNotExistIsAReasonNotAnException()
    {
        var result = await ExternalCommand.RunAsync(Path.Combine(folder, "no-such-program"), [], TimeSpan.FromSeconds(10));

        Assert.Equal(CommandFailure.NotStarted, result.Failure);
        Assert.False(result.Succeeded);
        Assert.Contains("no-such-program could not be started", result.Problem);
    }

    [Fact]
    public async Task AProgramPastItsTimeIsKilledAndSaysSo()
    {
        var result = await ExternalCommand.RunAsync("sleep", ["60"], TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CommandFailure.TimedOut, result.Failure);
        Assert.Equal("sleep did not finish within 1 s", result.Problem);
        Assert.Equal("sleep did not finish within 1 s", result.Ending);
    }

    [Fact]
    public async Task OutputPastItsBoundIsNotKept()
    {
        var result = await ExternalCommand.RunAsync("head", ["-c", "3000000", "/dev/zero"], TimeSpan.FromSeconds(30), maxOutputBytes: 1024 * 1024);

        Assert.Equal(CommandFailure.TooMuchOutput, result.Failure);
        Assert.Empty(result.Output);
        Assert.Contains("printed more than 1 MiB", result.Problem);
    }

    [Fact]
    public async Task StandardInputReachesTheProgramAndExitCodesAreKept()
    {
        var result = await ExternalCommand.RunAsync("sh", ["-c", "cat; exit 3"], TimeSpan.FromSeconds(30), standardInput: "given on stdin");

        Assert.Null(result.Failure);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("given on stdin", result.StandardOutput);
        Assert.Equal("exit 3", result.Ending);
    }

    [Fact]
    public async Task ACancelledRunKillsTheProgramAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExternalCommand.RunAsync("sleep", ["60"], TimeSpan.FromMinutes(5), cancellationToken: cancel.Token).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("error: no stack named 'prod' found", PulumiOutcome.NoSuchStack)]
    [InlineData("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions", PulumiOutcome.NotLoggedIn)]
    [InlineData("error: [403] Forbidden: you are not a member of this organization", PulumiOutcome.Failed)]
    public async Task TheGatewayClassifiesTheCliKnownAnswers(string said, PulumiOutcome outcome)
    {
        var pulumi = StandIn($"echo \"$*\" > '{folder}/args'; echo \"{said}\" >&2; exit 255");

        var answer = await new PulumiCli(pulumi, folder).StackOutputAsync("prod", showSecrets: false, CancellationToken.None);

        Assert.Equal(outcome, answer.Outcome);
        Assert.Contains(said, answer.Problem);
        Assert.Equal("stack output --json --stack prod --non-interactive", File.ReadAllText(Path.Combine(folder, "args")).Trim());
    }

    [Fact]
    public async Task ASecretGivenToTheCliGoesOnStandardInputAndIsMaskedInWhatItSaysBack()
    {
        const string secret = "Gateway-Secret-7f3a";
        var pulumi = StandIn($"echo \"$*\" > '{folder}/args'; read -r value; echo \"error: refused $value\" >&2; exit 1");

        var answer = await new PulumiCli(pulumi, folder).SetSecretAsync("prod", "servers.main.password", secret, CancellationToken.None);

        Assert.Equal(PulumiOutcome.Failed, answer.Outcome);
        Assert.DoesNotContain(secret, answer.Problem);
        Assert.Contains("refused ***", answer.Problem);
        Assert.Equal("config set --secret --path servers.main.password --stack prod --non-interactive", File.ReadAllText(Path.Combine(folder, "args")).Trim());
    }

    private string StandIn(string body)
    {
        var path = Path.Combine(folder, "pulumi");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
