using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Verify;

/// <summary>verify checks against the same scripts migrate applied: <c>--scripts</c> means the same on both.</summary>
public sealed class VerifyScriptsTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    private static readonly (string, string) First = ("0001_loyalty_cards.sql", "CREATE TABLE loyalty_cards (card_id bigint PRIMARY KEY);\n");
    private static readonly (string, string) Second = ("0002_loyalty_points.sql", "CREATE TABLE loyalty_points (card_id bigint, points int);\n");

    [Fact]
    public async Task MigrateThenVerifyWithTheTeamsOwnFolderPass()
    {
        var tenants = new[] { await TenantProvisioning.CreateAsync(servers.First, "own-scripts-a"), await TenantProvisioning.CreateAsync(servers.Second, "own-scripts-b") };
        var outputs = TenantDb.WriteOutputs(tenants);
        var scripts = TenantDb.WriteScripts(First, Second);

        var migrate = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts);
        var verify = await TenantDb.RunAsync("verify", "--outputs", outputs, "--scripts", scripts);
        var withoutScripts = await TenantDb.RunAsync("verify", "--outputs", outputs);

        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Contains("to 0002_loyalty_points.sql", migrate.Output);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("2 tenant(s): 2 passed, 0 failed.", verify.Output);
        // The repository's migrations/ (found from this folder) is another set: these tenants hold scripts it lacks.
        Assert.Equal(1, withoutScripts.ExitCode);
        Assert.Contains("the journal holds 0001_loyalty_cards.sql", withoutScripts.Output);
    }

    [Fact]
    public async Task VerifyNamesATenantThatIsBehindOneWithAnUnknownScriptAndOneWithAnEditedScript()
    {
        var behind = await TenantProvisioning.CreateAsync(servers.First, "verify-behind");
        var ahead = await TenantProvisioning.CreateAsync(servers.Second, "verify-ahead");
        var edited = await TenantProvisioning.CreateAsync(servers.First, "verify-edited");
        var current = TenantDb.WriteScripts(First, Second);
        Assert.Equal(0, (await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([behind]), "--scripts", TenantDb.WriteScripts(First))).ExitCode);
        Assert.Equal(0, (await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([ahead]), "--scripts",
            TenantDb.WriteScripts(First, Second, ("0003_newer.sql", "CREATE TABLE newer ();\n")))).ExitCode);
        Assert.Equal(0, (await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([edited]), "--scripts",
            TenantDb.WriteScripts(First, (Second.Item1, "CREATE TABLE loyalty_points (card_id bigint);\n")))).ExitCode);
        var outputs = TenantDb.WriteOutputs([behind, ahead, edited]);

        var (exitCode, output) = await TenantDb.RunAsync("verify", "--outputs", outputs, "--scripts", current, "--format", "json");
        var migrate = await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([ahead]), "--scripts", current);

        Assert.Equal(1, exitCode);
        var journal = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tenant").GetString()!, t => t.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "journal").GetProperty("value").GetString()!);
        Assert.StartsWith("at 0001_loyalty_cards.sql; 1 pending from 0002_loyalty_points.sql; run tenantdb migrate", journal["verify-behind"]);
        Assert.StartsWith("the journal holds 0003_newer.sql (applied ", journal["verify-ahead"]);
        Assert.Contains("which the scripts folder lacks", journal["verify-ahead"]);
        Assert.StartsWith("0002_loyalty_points.sql was applied on ", journal["verify-edited"]);
        Assert.Contains("has changed since", journal["verify-edited"]);
        // migrate refuses a tenant whose journal holds a script the folder lacks, rather than apply an older set.
        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains("refused: the journal holds 0003_newer.sql", migrate.Output);
    }

    [Fact]
    public async Task WithOutputsAndNoPulumiYamlAboveAMissingScriptsIsAUsageErrorSayingWhatToPass()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "no-project");
        var outputs = TenantDb.WriteOutputs([tenant]);
        var nowhere = Directory.CreateTempSubdirectory("tenantdb-no-project-").FullName;

        var verify = await TenantDb.RunAsync("verify", "--outputs", outputs, "--cwd", nowhere);
        var migrate = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--cwd", nowhere);

        Assert.Equal(2, verify.ExitCode);
        Assert.Equal(2, migrate.ExitCode);
        Assert.All(new[] { verify.Output, migrate.Output }, output =>
        {
            Assert.Contains($"error: {nowhere}: no Pulumi.yaml here or in any folder above", output);
            Assert.Contains("pass --scripts <dir>", output);
        });
    }
}
