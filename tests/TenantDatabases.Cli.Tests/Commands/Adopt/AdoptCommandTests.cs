using System.Text.Json;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Adopt;

[Collection(ProcessEnvironment.Name)]
public sealed class AdoptCommandTests(LegacyServerFixture legacy) : IClassFixture<LegacyServerFixture>
{
    private IDisposable Passphrase() =>
        ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", LegacyServerFixture.Passphrase), ("PULUMI_CONFIG_PASSPHRASE_FILE", null));

    private IEnumerable<string> Secrets => [legacy.Server.AdminPassword, legacy.Fleet.AppPassword, LegacyServerFixture.Passphrase];

    [Fact]
    public async Task AdoptThenValidateAndPlanListTheAdoptedTenantsByTheirExistingDatabasesAndASecondAdoptAddsNothing()
    {
        using var _ = Passphrase();
        using var stack = legacy.NewStack();

        var adopt = await CommandRun.RunAsync("adopt", "--stack", "legacy", "--cwd", stack.Directory, "--server", LegacyServerFixture.ServerName);
        var validate = await CommandRun.RunAsync("validate", "--stack", "legacy", "--cwd", stack.Directory);
        var plan = await CommandRun.RunAsync("plan", "--stack", "legacy", "--cwd", stack.Directory, "--format", "json");
        var again = await CommandRun.RunAsync("adopt", "--stack", "legacy", "--cwd", stack.Directory, "--server", LegacyServerFixture.ServerName);

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Contains("4 to adopt", adopt.Output);
        Assert.Matches(@"east-shop\s+east_shop\s+provisioner \(the server's admin\)\s+connectionLimit 7, encoding LATIN1, lcCollate C, lcCtype C", adopt.Output);
        Assert.Matches(@"app-shop\s+app_shop\s+legacy_app \(a role of its own\)", adopt.Output);
        Assert.Matches(@"legacy_template\s+a template database", adopt.Output);
        Assert.Contains("not adoptable: 'Legacy Shop': its name cannot be a tenant id", adopt.Output);
        Assert.Contains("4 database import(s) and 1 owner role import(s)", adopt.Output);
        Assert.Matches(@"Wrote \S*Pulumi.legacy.yaml: 4 tenant\(s\) added", adopt.Output);
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains("valid (1 servers, 5 tenants", validate.Output);
        Assert.Equal(0, plan.ExitCode);
        var tenants = JsonDocument.Parse(plan.Output).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(tenant => tenant.GetProperty("id").GetString()!, tenant => tenant.GetProperty("databaseName").GetString());
        Assert.All(LegacyFleet.Adoptable, pair => Assert.Equal(pair.Key, tenants[pair.Value]));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing to adopt", again.Output);
        foreach (var run in new[] { adopt, validate, plan, again })
        {
            run.ShowsNone(Secrets);
        }
    }

    [Fact]
    public async Task ADryRunAsJsonListsWhatWouldBeAdoptedAndWhyEachOtherDatabaseIsLeftOutAndWritesNothing()
    {
        using var _ = Passphrase();
        using var stack = legacy.NewStack();
        var file = Path.Combine(stack.Directory, "Pulumi.legacy.yaml");
        var before = await File.ReadAllTextAsync(file);

        var run = await CommandRun.RunAsync("adopt", "--stack", "legacy", "--cwd", stack.Directory, "--server", LegacyServerFixture.ServerName,
            "--dry-run", "--format", "json", "--match", "[Ss]hop");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("written").GetBoolean());
        var adopted = report.GetProperty("adopted").EnumerateArray().ToList();
        Assert.Equal(LegacyFleet.Adoptable.Values.Order(), adopted.Select(tenant => tenant.GetProperty("id").GetString()).Order());
        Assert.Equal(["import database", "import owner role", "create admin membership", "create PUBLIC revoke"],
            adopted.Single(tenant => tenant.GetProperty("id").GetString() == LegacyFleet.AppId).GetProperty("preview").EnumerateArray().Select(step => step.GetString()));
        var skipped = report.GetProperty("skipped").EnumerateArray().ToDictionary(skip => skip.GetProperty("name").GetString()!, skip => skip.GetProperty("reason").GetString());
        Assert.Equal("template", skipped[LegacyFleet.TemplateDatabase]);
        Assert.Equal("adminDatabase", skipped["postgres"]);
        Assert.Equal("notAdoptable", skipped[LegacyFleet.UnnamableDatabase]);
        Assert.Equal("declared", skipped["tenant_declared_shop"]);
        Assert.Equal(before, await File.ReadAllTextAsync(file));
        run.ShowsNone(Secrets);
    }

    [Fact]
    public async Task MigrateAndVerifyGivenTheStackAndItsOutputsReachAdoptedTenantsAsTheServersAdmin()
    {
        using var _ = Passphrase();
        using var stack = legacy.NewStack();
        Assert.Equal(0, (await CommandRun.RunAsync("adopt", "--stack", "legacy", "--cwd", stack.Directory, "--server", LegacyServerFixture.ServerName)).ExitCode);
        RepositoryMigrations.CopyTo(stack.Directory);
        var outputs = LegacyServerFixture.WriteAdoptedOutputs(stack.Directory, "legacy");
        await legacy.RevokePublicAsync();

        var withoutStack = await CommandRun.RunAsync("migrate", "--outputs", outputs, "--cwd", stack.Directory);
        var migrate = await CommandRun.RunAsync("migrate", "--stack", "legacy", "--outputs", outputs, "--cwd", stack.Directory);
        var verify = await CommandRun.RunAsync("verify", "--stack", "legacy", "--outputs", outputs, "--cwd", stack.Directory, "--format", "json");

        Assert.Equal(2, withoutStack.ExitCode);
        Assert.Contains("Give --stack <stack> as well as --outputs", withoutStack.Output);
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.True(JsonDocument.Parse(verify.Output).RootElement.GetProperty("succeeded").GetBoolean());
        foreach (var run in new[] { withoutStack, migrate, verify })
        {
            run.ShowsNone(Secrets);
        }
    }

    [Fact]
    public async Task ADatabaseNameFromTheServerIsPrintedWithItsControlCharactersEscapedOnOneLine()
    {
        using var _ = Passphrase();
        await using var server = await TestPostgresServer.StartAsync("cli-hostile");
        string[] names = ["line\nbreak", "bidi\u202Eevil", "esc\u001b[31mred"];
        foreach (var name in names)
        {
            await server.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE {Fleet.Naming.SqlIdentifier.Quote(name)} OWNER {TestPostgresServer.AdminUser}");
        }
        using var stack = TestStack.Create("hostile", LegacyServerFixture.Passphrase, [new TestStackServer("hostile", server.Port, server.AdminPassword)]);

        var run = await CommandRun.RunAsync("adopt", "--stack", "hostile", "--cwd", stack.Directory, "--server", "hostile");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not adoptable: 'line\\u000abreak'", run.Output);
        Assert.Contains("not adoptable: 'bidi\\u202eevil'", run.Output);
        Assert.Contains("not adoptable: 'esc\\u001b[31mred'", run.Output);
        Assert.DoesNotContain(run.Output, character => character is '\u202e' or '\u001b');
        Assert.Equal(3, run.Output.Split('\n').Count(line => line.StartsWith("not adoptable: ", StringComparison.Ordinal)));
        Assert.Contains("Nothing to adopt", run.Output);
        run.ShowsNone([server.AdminPassword]);
    }

    [Theory]
    [InlineData("--stack legacy", "--server is required")]
    [InlineData("--stack legacy --server legacy --match (", "--match is not a regular expression")]
    [InlineData("--stack legacy --server legacy --timeout 0", "--timeout must be")]
    [InlineData("--stack legacy --server nowhere", "no such server. Use one of: legacy")]
    public async Task UsageErrorsExitTwoWithoutReadingTheServer(string arguments, string message)
    {
        using var _ = Passphrase();
        using var stack = legacy.NewStack();

        var run = await CommandRun.RunAsync(["adopt", "--cwd", stack.Directory, .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
        run.ShowsNone(Secrets);
    }
}
