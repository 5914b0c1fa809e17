using TenantDatabases.Cli.Commands.Deploy;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

public sealed class StageRequestsTests
{
    [Fact]
    public async Task ValidateReadsTheRequestsStackInItsFolder()
    {
        var runner = new UseCaseStageRunner(new PulumiUpStage(null), _ => null);

        var result = await runner.RunAsync(DeployStage.Validate, new DeployRequest("valid", TenantDb.Stacks, false, false), CancellationToken.None);

        Assert.Equal(StageStatus.Passed, result.Status);
        Assert.Contains("Pulumi.valid.yaml: valid (2 servers, 3 tenants", result.Summary);
        Assert.Null(result.Report);
    }

    [Fact]
    public void PreflightMigrateAndVerifyReadTheStackWithoutSavedOutputs()
    {
        var request = new DeployRequest("prod", null, false, false);

        Assert.Equal(("prod", null, null), (StageRequests.Preflight(request).Stack, StageRequests.Preflight(request).WorkingDirectory, StageRequests.Preflight(request).ConfigJson));
        Assert.Equal(("prod", null), (StageRequests.Tenants(request).Stack, StageRequests.Tenants(request).OutputsFile));
        Assert.Equal(StageRequests.Tenants(request), StageRequests.Migrate(request).Tenants);
    }

    [Fact]
    public void WithSavedOutputsMigrateAndVerifyReadThemAndTheStackGivesOnlyItsAdminPasswords()
    {
        var tenants = StageRequests.Tenants(new DeployRequest("prod", "infra", false, true, "out.json"));

        // The outputs come from the file; the stack is there for adopted tenants, reached as their server's admin.
        Assert.Equal(("out.json", "prod"), (tenants.OutputsFile, tenants.Stack));
        Assert.Empty(tenants.Tenants);
        Assert.Empty(tenants.Servers);
    }

    [Fact]
    public void TheScriptsGivenToDeployGoToMigrateAndToVerify()
    {
        var request = new DeployRequest("prod", "infra", false, true, "out.json", ScriptsFolder: "team-scripts");

        Assert.Equal("team-scripts", StageRequests.Migrate(request).ScriptsFolder);
        Assert.Equal("team-scripts", StageRequests.Verify(request).ScriptsFolder);
        Assert.Equal(StageRequests.Tenants(request), StageRequests.Verify(request).Tenants);
        Assert.Null(StageRequests.Verify(new DeployRequest("prod", null, false, false)).ScriptsFolder);
    }

    [Fact]
    public void WithSavedOutputsPreflightStillReadsTheStack()
    {
        var preflight = StageRequests.Preflight(new DeployRequest("prod", "infra", false, true, "out.json"));

        Assert.Equal(("prod", "infra", null), (preflight.Stack, preflight.WorkingDirectory, preflight.ConfigJson));
    }

    [Fact]
    public void PulumiUpGetsYesOnlyWhenDeployWasGivenIt()
    {
        Assert.Equal(["up", "--stack", "prod"], PulumiUpStage.Arguments(new DeployRequest("prod", null, false, false)));
        Assert.Equal(["up", "--stack", "prod", "--cwd", "infra", "--yes"],
            PulumiUpStage.Arguments(new DeployRequest("prod", "infra", true, false)));
    }

    [Fact]
    public void ThePulumiCliIsFoundByItsFileNameOnThisSystem() =>
        Assert.Equal(OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi", PulumiCli.FileName);
}
