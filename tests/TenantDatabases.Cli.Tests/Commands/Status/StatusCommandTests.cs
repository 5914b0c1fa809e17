using System.Text.Json;
using Spectre.Console.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Status;

[Collection(ProcessEnvironment.Name)]
public sealed class StatusCommandTests(StatusCommandFixture fixture) : IClassFixture<StatusCommandFixture>
{
    private const string PassphraseVariable = "PULUMI_CONFIG_PASSPHRASE";

    private async Task<CommandRun> StatusAsync(string directory, params string[] args)
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, StatusCommandFixture.Passphrase), ("PULUMI_CONFIG_PASSPHRASE_FILE", null));
        var run = await CommandRun.RunAsync(["status", "--stack", "test", "--cwd", directory, "--timeout", "2", "--sample", "1", .. args]);
        run.ShowsNone(fixture.Secrets);
        return run;
    }

    [Fact]
    public async Task TheTableShowsEveryServerTheStoppedOneUnreachableAndExitsOne()
    {
        var run = await StatusAsync(fixture.Fleet.Directory);

        Assert.Equal(1, run.ExitCode);
        Shows(@"test/main +local +127\.0\.0\.1:\d+ +ok +\d+(\.\d+)? +3/4 +2 +1 +\d+ MB +\d+/100 +\d+\.\d +full 100%", run.Output);
        Shows(@"test/down +local +127\.0\.0\.1:\d+ +unreachable +- +1/10 +- +- +- +- +- +room 10% \(declared\)", run.Output);
        Assert.Contains("error test/down: tcp: Cannot open a TCP connection", run.Output);
        Assert.Contains("warning test/main: capacity: Full: 4 of 4 tenants", run.Output);
        Assert.Contains("No other server of region local has room: add one", run.Output);
        Assert.Contains("orphans: 1 database(s) with the prefix 'tenant_' that the stack does not declare: tenant_stray.", run.Output);
        Assert.Contains("tenant_shop_missing", run.Output);
        Assert.Contains("1 stack(s), 2 server(s): 1 reachable, 1 unreachable, 0 not checked; 4 tenant(s)", run.Output);
    }

    [Fact]
    public async Task WithTenantsEachTenantShowsItsDatabaseAndSchemaLevel()
    {
        var run = await StatusAsync(fixture.Fleet.Directory, "--tenants");

        Shows(@"test +shop-latest +main +tenant_shop_latest +yes +\d+ [kM]B +latest \(0003_step_3.sql\)", run.Output);
        Shows(@"test +shop-behind +main +tenant_shop_behind +yes +\d+ [kM]B +1 behind \(at 0002_step_2.sql\)", run.Output);
        Shows(@"test +shop-missing +main +tenant_shop_missing +NO +- +unknown: the tenant has no database on the server", run.Output);
        Shows(@"test +shop-down +down +tenant_shop_down +- +- +unknown: its server did not answer", run.Output);
    }

    [Fact]
    public async Task JsonIsOneDocumentWithUnknownValuesAsNullTheSameAsTheReport()
    {
        var report = TenantDb.TempFile(".json");
        var run = await StatusAsync(fixture.Fleet.Directory, "--format", "json", "--report", report);

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("error", 1, 1), (root.GetProperty("status").GetString(), root.GetProperty("exitCode").GetInt32(), root.GetProperty("schemaVersion").GetInt32()));
        var servers = root.GetProperty("servers").EnumerateArray().ToDictionary(server => server.GetProperty("name").GetString() ?? "");
        Assert.Equal("full", servers["main"].GetProperty("capacity").GetProperty("verdict").GetString());
        Assert.Equal(["tenant_stray"], servers["main"].GetProperty("tenants").GetProperty("orphans").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(JsonValueKind.Number, servers["main"].GetProperty("load").GetProperty("transactionsPerSecond").ValueKind);
        Assert.Equal("unreachable", servers["down"].GetProperty("connection").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, servers["down"].GetProperty("load").GetProperty("connectionsInUse").ValueKind);
        Assert.True(servers["down"].GetProperty("capacity").GetProperty("declaredOnly").GetBoolean());
        var tenants = root.GetProperty("tenants").EnumerateArray().ToDictionary(tenant => tenant.GetProperty("id").GetString() ?? "");
        Assert.Equal("latest", tenants["shop-latest"].GetProperty("schema").GetProperty("state").GetString());
        Assert.Equal(1, tenants["shop-behind"].GetProperty("schema").GetProperty("pending").GetInt32());
        Assert.False(tenants["shop-missing"].GetProperty("exists").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tenants["shop-down"].GetProperty("exists").ValueKind);
        Assert.Equal(run.Output.Trim(), (await File.ReadAllTextAsync(report)).Trim());
    }

    [Fact]
    public async Task MarkdownForAJobSummarySaysTheStateFirstAndMarksEachServer()
    {
        var run = await StatusAsync(fixture.Fleet.Directory, "--format", "markdown", "--tenants");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("## tenantdb status, stack test: ❌ 1 server(s) unreachable", run.Output);
        Assert.Contains("| ⚠️ | test/main | local |", run.Output);
        Assert.Contains("| ❌ | test/down | local |", run.Output);
        Assert.Contains("**Errors**", run.Output);
        Assert.Contains("- ❌ **test/down** tcp: Cannot open a TCP connection", run.Output);
        Assert.Contains(@"tenant\_stray", run.Output);
        Assert.Contains("<details><summary>Tenants (4)</summary>", run.Output);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task AHealthyStackExitsZeroWithItsWarnings(string format)
    {
        var run = await StatusAsync(fixture.Healthy.Directory, "--format", format, "--sample", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tenant_stray", run.Output.Replace("\\_", "_"));
    }

    [Fact]
    public async Task ANarrowConsoleGetsOneBlockPerServerInsteadOfRowsThatWrap()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, StatusCommandFixture.Passphrase));
        var console = new TestConsole().Width(80);

        var exitCode = await TenantDbApp.RunAsync(["status", "--stack", "test", "--cwd", fixture.Fleet.Directory, "--timeout", "2", "--sample", "0"], console);

        Assert.Equal(1, exitCode);
        Assert.Contains("test/down  local  127.0.0.1:", console.Output);
        Assert.Contains("  tenants 1/10, databases -, orphans -, size -, connections -, tps -, capacity room 10% (declared)", console.Output);
    }

    [Fact]
    public async Task WithoutThePassphraseTheStackIsShownFromItsFileAloneAndSaysWhy()
    {
        using var _ = ProcessEnvironment.Set((PassphraseVariable, null), ("PULUMI_CONFIG_PASSPHRASE_FILE", null));

        var run = await CommandRun.RunAsync("status", "--stack", "test", "--cwd", fixture.Fleet.Directory, "--sample", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not checked", run.Output);
        Assert.Contains("warning stack test: not connected: its secrets cannot be read here, so it is shown from its file alone: " +
                        "The stack 'test' keeps its secrets with a passphrase, and neither PULUMI_CONFIG_PASSPHRASE", run.Output);
    }

    [Theory]
    [InlineData("status", "--cwd", ".")]
    [InlineData("status", "--stack", "test", "--all-stacks")]
    [InlineData("status", "--all-stacks", "--config-json", "config.json")]
    [InlineData("status", "--stack", "test", "--sample", "-1")]
    [InlineData("validate", "--stack", "test", "--format", "markdown")]
    public async Task UsageErrorsExitTwo(params string[] args) =>
        Assert.Equal(2, (await CommandRun.RunAsync(args)).ExitCode);

    private static void Shows(string pattern, string output) =>
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, pattern), $"no match for {pattern} in:\n{output}");
}
