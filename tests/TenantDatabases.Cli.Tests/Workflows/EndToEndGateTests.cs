namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>
/// The test command's decision to run or skip the end-to-end test (scripts/lib/end-to-end.sh), and the switch
/// TENANTDB_REQUIRE_E2E=1 that the test workflow sets so that a skip fails the job instead of passing it.
/// </summary>
public sealed class EndToEndGateTests : IDisposable
{
    private readonly WorkflowScript run = new();

    public void Dispose() => run.Dispose();

    private static string Gate(string packages) =>
        $". '{RepositoryFolder.Path("scripts", "lib", "end-to-end.sh")}' && end_to_end_gate {packages}";

    // PATH holds only the scratch bin folder: no pulumi, whatever this machine has installed.
    private ScriptResult RunGate(string packages, string? require) =>
        run.Bash(Gate(packages), require is null
            ? new() { ["PATH"] = run.BinOnlyPath }
            : new() { ["PATH"] = run.BinOnlyPath, ["TENANTDB_REQUIRE_E2E"] = require });

    [Fact]
    public void WithTheSwitchAMissingPulumiCliFailsWithTheReason()
    {
        var result = RunGate("yes", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: TENANTDB_REQUIRE_E2E=1, and TenantDatabases.EndToEnd.Tests cannot run: the Pulumi CLI is not on PATH.", result.Error);
        Assert.DoesNotContain("SKIPPED", result.Output);
    }

    [Fact]
    public void WithTheSwitchMissingPulumiPackagesFailToo()
    {
        run.StandIn("pulumi", "exit 0");

        var result = RunGate("no", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot run: the Pulumi program cannot be built here", result.Error);
    }

    [Fact]
    public void WithoutTheSwitchAMissingPulumiCliIsSkippedWithOneLine()
    {
        var result = RunGate("yes", null);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("SKIPPED TenantDatabases.EndToEnd.Tests: the Pulumi CLI is not on PATH; it runs where it is (the test workflow installs it).", result.Output);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public void WithThePulumiCliAndPackagesTheTestRuns(string? require)
    {
        run.StandIn("pulumi", "exit 0");

        var result = RunGate("yes", require);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    public void ASwitchValueOtherThanZeroOrOneIsRefusedRatherThanIgnored(string require)
    {
        var result = RunGate("yes", require);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"TENANTDB_REQUIRE_E2E is '{require}': set it to 1", result.Error);
    }

    [Fact]
    public void TheTestCommandDecidesThroughTheGateAndFailsWhenItSaysRequired()
    {
        var script = File.ReadAllText(RepositoryFolder.Path("scripts", "test.sh"));

        Assert.Contains(". scripts/lib/end-to-end.sh", script);
        Assert.Contains("""end_to_end_gate "$pulumi_packages" || e2e_gate=$?""", script);
        Assert.Contains("""if [ "$e2e_gate" = 0 ]; then""", script);
        Assert.Contains("""if [ "$e2e_gate" = 2 ]; then""", script);
        Assert.DoesNotContain("command -v pulumi", script);
    }
}
