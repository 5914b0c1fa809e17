using TenantDatabases.Cli.Deploy;

namespace TenantDatabases.Cli.Tests.Deploy;

public sealed class StageCommandLineTests
{
    [Fact]
    public void ValidateGetsTheStackAndFolderButNoReport() =>
        Assert.Equal(["validate", "--stack", "prod", "--cwd", "infra"],
            StageCommandLine.For(DeployStage.Validate, new DeployRequest("prod", "infra", false, false), "r.json"));

    [Theory]
    [InlineData(DeployStage.Preflight, "preflight")]
    [InlineData(DeployStage.Migrate, "migrate")]
    [InlineData(DeployStage.Verify, "verify")]
    public void StagesWithAReportWriteItWhereDeployReadsIt(DeployStage stage, string command) =>
        Assert.Equal([command, "--stack", "prod", "--report", "r.json"],
            StageCommandLine.For(stage, new DeployRequest("prod", null, false, false), "r.json"));

    [Theory]
    [InlineData(DeployStage.Migrate, "migrate")]
    [InlineData(DeployStage.Verify, "verify")]
    public void WithSavedOutputsMigrateAndVerifyReadThemInsteadOfTheStack(DeployStage stage, string command) =>
        Assert.Equal([command, "--outputs", "out.json", "--report", "r.json"],
            StageCommandLine.For(stage, new DeployRequest("prod", "infra", false, true, "out.json"), "r.json"));

    [Fact]
    public void WithSavedOutputsValidateAndPreflightStillReadTheStack() =>
        Assert.Equal(["preflight", "--stack", "prod", "--cwd", "infra", "--report", "r.json"],
            StageCommandLine.For(DeployStage.Preflight, new DeployRequest("prod", "infra", false, true, "out.json"), "r.json"));

    [Fact]
    public void PulumiUpGetsYesOnlyWhenDeployWasGivenIt()
    {
        Assert.Equal(["up", "--stack", "prod"], PulumiUpStage.Arguments(new DeployRequest("prod", null, false, false)));
        Assert.Equal(["up", "--stack", "prod", "--cwd", "infra", "--yes"],
            PulumiUpStage.Arguments(new DeployRequest("prod", "infra", true, false)));
    }
}
