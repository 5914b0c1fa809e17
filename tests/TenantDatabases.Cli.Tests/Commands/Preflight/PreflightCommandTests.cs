using System.Text.Json;

namespace TenantDatabases.Cli.Tests.Commands.Preflight;

[Collection(ProcessEnvironment.Name)]
public sealed class PreflightCommandTests(PreflightCommandFixture fixture) : IClassFixture<PreflightCommandFixture>
{
    private const string PassphraseVariable = "PULUMI_CONFIG_PASSPHRASE";
    private const string PassphraseFileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    [Fact]
    public async Task HealthyStackFromItsPassphraseStackFilePassesWithExitZero()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, PreflightCommandFixture.Passphrase), (PassphraseFileVariable, null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Healthy.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 servers checked", run.Output);
        Assert.Contains("has CREATEDB", run.Output);
        run.ShowsNone(fixture.Passwords);
    }

    [Fact]
    public async Task MixedStackReportsEveryServerAndExitsOneWithoutPrintingAPassword()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, PreflightCommandFixture.Passphrase), (PassphraseFileVariable, null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Mixed.Directory, "--timeout", "2", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("28P01", run.Output);
        Assert.Contains("No answer from 127.0.0.1", run.Output);
        Assert.Contains("Logged in as \"provisioner\"", run.Output);
        Assert.Contains("Npgsql", run.Output);
        run.ShowsNone(fixture.Passwords);
    }

    [Fact]
    public async Task ConfigJsonGivesTheSameReportAsJsonAndAsAReportFile()
    {
        var reportFile = Path.Combine(Directory.CreateDirectory(Path.Combine(fixture.Mixed.Directory, "out")).FullName, "preflight.json");

        var run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Mixed.Directory, "--timeout", "2",
            "--config-json", fixture.MixedConfigJson, "--format", "json", "--report", reportFile);

        Assert.Equal(1, run.ExitCode);
        var servers = JsonDocument.Parse(run.Output).RootElement.GetProperty("servers");
        Assert.Equal([fixture.HealthyStatus, "error", "error"], servers.EnumerateArray().Select(server => server.GetProperty("status").GetString()));
        var wrong = servers[1].GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("status").GetString() == "error");
        Assert.Equal("auth", wrong.GetProperty("name").GetString());
        var report = await File.ReadAllTextAsync(reportFile);
        Assert.Contains("\"secretSource\": \"--config-json", report);
        run.ShowsNone(fixture.Passwords);
        foreach (var password in fixture.Passwords)
        {
            Assert.DoesNotContain(password, report);
        }
    }

    [Fact]
    public async Task VerboseJsonKeepsStdoutOneJsonDocumentAndLogsToStderrWithoutPasswords()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, PreflightCommandFixture.Passphrase), (PassphraseFileVariable, null));
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        CommandRun run;
        try
        {
            run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Mixed.Directory, "--timeout", "2", "--format", "json", "--verbose");
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(run.Output).RootElement.GetProperty("servers").GetArrayLength());
        Assert.Contains("Npgsql", stderr.ToString());
        run.ShowsNone(fixture.Passwords);
        foreach (var password in fixture.Passwords)
        {
            Assert.DoesNotContain(password, stderr.ToString());
        }
    }

    [Fact]
    public async Task MissingPassphraseIsAUsageErrorNamingTheVariables()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, null), (PassphraseFileVariable, null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Healthy.Directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE_FILE", run.Output);
    }

    [Fact]
    public async Task WrongPassphraseIsAFailureThatDoesNotPrintIt()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, "pw-not-the-passphrase"), (PassphraseFileVariable, null));

        var run = await CommandRun.RunAsync("preflight", "--stack", "test", "--cwd", fixture.Healthy.Directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("passphrase does not decrypt", run.Output);
        Assert.DoesNotContain("pw-not-the-passphrase", run.Output);
    }

    [Fact]
    public async Task InvalidStackPrintsTheValidationMessagesAndConnectsToNothing()
    {
        var directory = Path.Combine(fixture.Healthy.Directory, "invalid");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Pulumi.yaml"), "name: tenant-databases\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "Pulumi.bad.yaml"), "config:\n  tenant-databases:servers:\n    a:\n      port: 99999\n");

        var run = await CommandRun.RunAsync("preflight", "--stack", "bad", "--cwd", directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tenant-databases:servers.a", run.Output);
        Assert.DoesNotContain("servers checked", run.Output);
    }

    [Theory]
    [InlineData("preflight", "--cwd", ".")]
    [InlineData("preflight", "--stack", "test", "--format", "xml")]
    [InlineData("preflight", "--stack", "test", "--timeout", "-1")]
    public async Task UsageErrorsExitTwo(params string[] args)
    {
        var run = await CommandRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task MissingStackFileIsAUsageError()
    {
        var run = await CommandRun.RunAsync("preflight", "--stack", "nosuch", "--cwd", fixture.Healthy.Directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Pulumi.nosuch.yaml", run.Output);
    }
}
