using System.Text.Json;
using TenantDatabases.Cli.Commands.Deploy;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>
/// <c>tenantdb deploy</c> on real servers: every stage in order through the real command tree, and a
/// stop at the first failing stage. Sets PATH and the passphrase, so it runs alone.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DeployOnLocalServersTests(LocalFleetFixture fleet) : IClassFixture<LocalFleetFixture>
{
    private IDisposable Environment(bool withPulumi = true) => ProcessEnvironment.Set(
        ("PULUMI_CONFIG_PASSPHRASE", LocalFleetFixture.Passphrase),
        ("PULUMI_CONFIG_PASSPHRASE_FILE", null),
        ("PATH", string.Join(Path.PathSeparator, withPulumi ? [fleet.PulumiFolder, .. PathWithoutPulumi()] : PathWithoutPulumi())));

    // The machine's PATH minus any folder with a real Pulumi CLI, so only the stand-in can answer.
    private static IEnumerable<string> PathWithoutPulumi() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => !File.Exists(Path.Combine(folder, "pulumi")));

    private static async Task<(CommandRun Run, JsonElement Report)> DeployAsync(string directory, params string[] options)
    {
        var report = Path.Combine(directory, "deploy-report.json");
        var run = await CommandRun.RunAsync(["deploy", "--stack", "test", "--cwd", directory, "--report", report, .. options]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        return (run, json.RootElement.Clone());
    }

    // A deploy while the stand-in's backend is in the state a flag file names (no such stack, logged out).
    private async Task<(CommandRun run, JsonElement report)> DeployWhileAsync(string flag, string directory, params string[] options)
    {
        File.WriteAllText(flag, "");
        try
        {
            using (Environment())
            {
                return await DeployAsync(directory, options);
            }
        }
        finally
        {
            File.Delete(flag);
        }
    }

    private static string[] Statuses(JsonElement report) =>
        [.. report.GetProperty("stages").EnumerateArray().Select(stage => stage.GetProperty("status").GetString()!)];

    private void ShowsNoSecret(CommandRun run, JsonElement report)
    {
        run.ShowsNone(fleet.Secrets);
        var text = report.GetRawText();
        Assert.All(fleet.Secrets, secret => Assert.DoesNotContain(secret, text));
    }

    [Fact]
    public async Task WithSkipUpEveryOtherStagePassesInOrderAndEveryTenantIsMigrated()
    {
        using var stack = fleet.Stack();
        File.Delete(fleet.UpArgumentsFile);
        (CommandRun run, JsonElement report) result;
        using (Environment())
        {
            result = await DeployAsync(stack.Directory, "--skip-up");
        }

        Assert.True(result.run.ExitCode == ExitCodes.Success, result.run.Output);
        Assert.Equal(["passed", "passed", "passed", "skipped", "passed", "passed"], Statuses(result.report));
        Assert.False(File.Exists(fleet.UpArgumentsFile), "pulumi up ran despite --skip-up");
        var migrated = result.report.GetProperty("stages")[4].GetProperty("report").GetProperty("tenants");
        Assert.Equal(fleet.Tenants.Select(t => t.Id).Order(), migrated.EnumerateArray().Select(t => t.GetProperty("tenant").GetString()).Order());
        Assert.All(migrated.EnumerateArray(), tenant => Assert.True(tenant.GetProperty("succeeded").GetBoolean()));
        Assert.Contains("succeeded", result.run.Output);
        ShowsNoSecret(result.run, result.report);
    }

    [Fact]
    public async Task WithSkipUpAndSavedOutputsItMigratesAndVerifiesWithoutThePulumiCli()
    {
        using var stack = fleet.Stack();
        (CommandRun run, JsonElement report) result;
        using (Environment(withPulumi: false))
        {
            result = await DeployAsync(stack.Directory, "--skip-up", "--outputs", fleet.OutputsFile);
        }

        Assert.True(result.run.ExitCode == ExitCodes.Success, result.run.Output);
        Assert.Equal(["passed", "passed", "passed", "skipped", "passed", "passed"], Statuses(result.report));
        Assert.Equal(fleet.OutputsFile, result.report.GetProperty("outputs").GetString());
        var verified = result.report.GetProperty("stages")[5].GetProperty("report");
        Assert.Equal(fleet.Tenants.Count, verified.GetProperty("tenants").GetArrayLength());
        ShowsNoSecret(result.run, result.report);
    }

    [Fact]
    public async Task PulumiUpRunsBetweenPreflightAndMigrateWithYes()
    {
        using var stack = fleet.Stack();
        (CommandRun run, JsonElement report) result;
        using (Environment())
        {
            result = await DeployAsync(stack.Directory, "--yes");
        }

        Assert.True(result.run.ExitCode == ExitCodes.Success, result.run.Output);
        Assert.Equal(["passed", "passed", "passed", "passed", "passed", "passed"], Statuses(result.report));
        Assert.Equal(["up", "--stack", "test", "--cwd", stack.Directory, "--yes"], await File.ReadAllLinesAsync(fleet.UpArgumentsFile));
    }

    [Fact]
    public async Task AWrongServerPasswordStopsAtPreflightBeforeAnythingChanges()
    {
        const string wrong = "pw-not-the-right-one-4711";
        using var stack = fleet.Stack(secondPassword: wrong);
        File.Delete(fleet.UpArgumentsFile);
        (CommandRun run, JsonElement report) result;
        using (Environment())
        {
            result = await DeployAsync(stack.Directory, "--yes");
        }

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal(["passed", "failed", "not run", "not run", "not run", "not run"], Statuses(result.report));
        Assert.Equal("preflight", result.report.GetProperty("failedStage").GetString());
        Assert.Contains("stopped at preflight", result.run.Output);
        Assert.Contains("tenantdb preflight --stack test", result.run.Output);
        Assert.False(File.Exists(fleet.UpArgumentsFile), "pulumi up ran after a failed preflight");
        Assert.DoesNotContain(wrong, result.run.Output + result.report.GetRawText());
        ShowsNoSecret(result.run, result.report);
    }

    [Fact]
    public async Task AnInvalidStackStopsAtValidate()
    {
        using var stack = fleet.Stack(tenants: new Dictionary<string, string> { ["stray-tenant"] = "no-such-server" });
        (CommandRun run, JsonElement report) result;
        using (Environment())
        {
            result = await DeployAsync(stack.Directory, "--skip-up");
        }

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal(["failed", "not run", "not run", "not run", "not run", "not run"], Statuses(result.report));
        Assert.Contains("no-such-server", result.run.Output);
        ShowsNoSecret(result.run, result.report);
    }

    [Fact]
    public async Task WithoutThePulumiCliItStopsAfterValidateAndPreflightAndSaysWhatToDo()
    {
        using var stack = fleet.Stack();
        (CommandRun run, JsonElement report) result;
        using (Environment(withPulumi: false))
        {
            result = await DeployAsync(stack.Directory);
        }

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal(["passed", "passed", "failed", "not run", "not run", "not run"], Statuses(result.report));
        Assert.Contains(Operations.Deployments.LastDeploymentCheck.NotOnPath, result.run.Output);
        Assert.Contains("Install the Pulumi CLI", result.run.Output);
        Assert.Contains("--skip-up --outputs outputs.json", result.run.Output);
    }

    [Fact]
    public async Task AMovedTenantStopsDeployAtTheStackStageBeforePulumiUp()
    {
        // The last deploy put deploy-books on beta; the stack file now says alpha.
        using var stack = fleet.Stack(tenants: fleet.Tenants.ToDictionary(tenant => tenant.Id, _ => "alpha"));
        File.Delete(fleet.UpArgumentsFile);
        (CommandRun run, JsonElement report) result;
        using (Environment())
        {
            result = await DeployAsync(stack.Directory, "--yes");
        }

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal(["passed", "passed", "failed", "not run", "not run", "not run"], Statuses(result.report));
        Assert.Contains("Tenant 'deploy-books' moves from server 'beta' to 'alpha'", result.run.Output);
        Assert.Contains("docs/runbooks/move-a-tenant.md", result.run.Output);
        Assert.False(File.Exists(fleet.UpArgumentsFile), "pulumi up ran for a moved tenant");
        ShowsNoSecret(result.run, result.report);
    }

    [Fact]
    public async Task AStackTheBackendLacksIsNeverCreatedUnaskedAndDeploySaysHow()
    {
        using var stack = fleet.Stack();
        File.Delete(fleet.UpArgumentsFile);
        File.Delete(fleet.InitArgumentsFile);
        var result = await DeployWhileAsync(fleet.StackMissingFlag, stack.Directory, "--yes");

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal("stack", result.report.GetProperty("failedStage").GetString());
        Assert.Contains("Stack 'test' does not exist", result.run.Output);
        Assert.Contains("pulumi stack init --secrets-provider passphrase --stack test --non-interactive", result.run.Output);
        Assert.Contains("--create-stack", result.run.Output);
        Assert.False(File.Exists(fleet.InitArgumentsFile), "the stack was created unasked");
        Assert.False(File.Exists(fleet.UpArgumentsFile), "pulumi up ran for a stack the backend lacks");
    }

    [Fact]
    public async Task WithCreateStackAMissingStackIsCreatedWithItsPassphraseProviderThenDeployed()
    {
        using var stack = fleet.Stack();
        File.Delete(fleet.InitArgumentsFile);
        var result = await DeployWhileAsync(fleet.StackMissingFlag, stack.Directory, "--yes", "--create-stack");

        Assert.True(result.run.ExitCode == ExitCodes.Success, result.run.Output);
        Assert.Equal(["stack", "init", "--secrets-provider", "passphrase", "--stack", "test", "--non-interactive"], await File.ReadAllLinesAsync(fleet.InitArgumentsFile));
        Assert.Contains("created stack 'test'", result.run.Output);
        Assert.Equal(["passed", "passed", "passed", "passed", "passed", "passed"], Statuses(result.report));
    }

    [Fact]
    public async Task ACliLoggedInToNoBackendStopsWithTheLoginCommands()
    {
        using var stack = fleet.Stack();
        var result = await DeployWhileAsync(fleet.LoggedOutFlag, stack.Directory, "--yes");

        Assert.Equal(ExitCodes.Failure, result.run.ExitCode);
        Assert.Equal("stack", result.report.GetProperty("failedStage").GetString());
        Assert.Contains("logged in to no backend", result.run.Output);
        Assert.Contains($"pulumi login file://{Path.Combine(stack.Directory, ".pulumi-state")}", result.run.Output);
    }

    [Fact]
    public async Task ScriptsGivenToDeployAreAppliedByMigrateAndCheckedByVerify()
    {
        var tenant = await TenantProvisioning.CreateAsync(fleet.Servers.First, "deploy-own-scripts");
        var outputs = TenantDb.WriteOutputs([tenant]);
        var scripts = TenantDb.WriteScripts(("0001_gift_cards.sql", "CREATE TABLE gift_cards (card_id bigint PRIMARY KEY);\n"));
        using var stack = fleet.Stack(tenants: new Dictionary<string, string> { [tenant.Id] = "alpha" });
        (CommandRun run, JsonElement report) result;
        using (Environment(withPulumi: false))
        {
            result = await DeployAsync(stack.Directory, "--skip-up", "--outputs", outputs, "--scripts", scripts);
        }

        Assert.True(result.run.ExitCode == ExitCodes.Success, result.run.Output);
        Assert.Equal(["passed", "passed", "passed", "skipped", "passed", "passed"], Statuses(result.report));
        var migrated = Assert.Single(result.report.GetProperty("stages")[4].GetProperty("report").GetProperty("tenants").EnumerateArray());
        Assert.Equal(["0001_gift_cards.sql"], migrated.GetProperty("appliedScripts").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        // verify had the same folder: against the stack's migrations/ this tenant would hold an unknown script.
        var verified = Assert.Single(result.report.GetProperty("stages")[5].GetProperty("report").GetProperty("tenants").EnumerateArray());
        Assert.True(verified.GetProperty("passed").GetBoolean(), verified.GetRawText());
        Assert.DoesNotContain(tenant.Password, result.run.Output + result.report.GetRawText());
    }
}

