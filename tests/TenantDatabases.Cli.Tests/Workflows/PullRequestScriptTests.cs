namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>
/// The pull-request check's scripts: the label a removal needs (read from <c>tenantdb plan --previous</c>'s
/// report), the first deploy of a stack the backend lacks, and a stack that is planned only.
/// </summary>
public sealed class PullRequestScriptTests : IDisposable
{
    private readonly WorkflowScript run = new();

    public void Dispose() => run.Dispose();

    private const string PlanWithRemovals = """
        {"stack": "prod", "changes": [
          {"tenantId": "acme", "kind": "unchanged"}, {"tenantId": "old-shop", "kind": "removed"},
          {"tenantId": "renamed-one", "kind": "serverRenamed"}, {"tenantId": "gone", "kind": "removed"}]}
        """;

    [Fact]
    public void ARemovedTenantWithoutTheLabelFailsNamingIt()
    {
        run.Write("plan.json", PlanWithRemovals);

        var result = run.Script("removed-tenants.sh", ["plan.json"], new() { ["STACK"] = "prod", ["ALLOW_RETIRE"] = "false" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("""::error file=Pulumi.prod.yaml::Tenants removed: ["old-shop","gone"]. If that is intended, add the label retire-tenant""", result.Error);
    }

    [Fact]
    public void WithTheLabelARemovalIsAWarning()
    {
        run.Write("plan.json", PlanWithRemovals);

        var result = run.Script("removed-tenants.sh", ["plan.json"], new() { ["STACK"] = "prod", ["ALLOW_RETIRE"] = "true" });

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("""::warning file=Pulumi.prod.yaml::Tenants retired (label retire-tenant): ["old-shop","gone"]""", result.Output);
    }

    [Theory]
    [InlineData("""{"changes": [{"tenantId": "a", "kind": "serverRenamed"}, {"tenantId": "b", "kind": "added"}]}""")]
    [InlineData("""{"changes": null}""")]
    public void ARenameOrAnAdditionNeedsNoLabel(string plan)
    {
        run.Write("plan.json", plan);

        var result = run.Script("removed-tenants.sh", ["plan.json"], new() { ["STACK"] = "prod" });

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("No tenant is removed from stack prod.", result.Output);
    }

    private ScriptResult FirstDeploy(string stackFile)
    {
        run.Write("Pulumi.ap-south.yaml", stackFile);
        run.StandIn("pulumi", """echo "pulumi $*" >> calls.log""");
        var folder = Path.Combine(run.Folder, "scratch");
        return run.Script("first-deploy-backend.sh", ["ap-south", folder], new()
        {
            ["PULUMI_BACKEND_URL"] = "file://" + folder, ["GITHUB_STEP_SUMMARY"] = Path.Combine(run.Folder, "summary.md"),
        });
    }

    private string Calls => File.Exists(Path.Combine(run.Folder, "calls.log")) ? File.ReadAllText(Path.Combine(run.Folder, "calls.log")) : "";

    private string Summary => File.ReadAllText(Path.Combine(run.Folder, "summary.md"));

    [Theory]
    [InlineData("encryptionsalt: v1:abc\nconfig: {}\n", "passphrase")]
    [InlineData("secretsprovider: passphrase\nencryptionsalt: v1:abc\nconfig: {}\n", "passphrase")]
    [InlineData("secretsprovider: awskms://alias/tenant-databases?region=ap-south-1\nencryptedkey: AQICAH\nconfig: {}\n", "awskms://alias/tenant-databases?region=ap-south-1")]
    [InlineData("secretsprovider: \"awskms://alias/x?region=ap-south-1\"\nencryptedkey: AQICAH\nconfig: {}\n", "awskms://alias/x?region=ap-south-1")]
    public void AStackTheBackendLacksIsCreatedInTheScratchBackendWithItsOwnSecretsProvider(string stackFile, string provider)
    {
        var result = FirstDeploy(stackFile);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("true", result.Out("ready"));
        Assert.Equal($"pulumi stack init ap-south --secrets-provider {provider} --non-interactive\n", Calls);
        Assert.Contains("### ap-south: first deploy previewed in a scratch backend", Summary);
    }

    [Theory]
    [InlineData("config: {}\n", "neither a passphrase salt")]
    [InlineData("secretsprovider: awskms://alias/x\nconfig: {}\n", "holds no encrypted data key")]
    public void AStackWhoseSecretsOnlyTheRealBackendCanReadSaysWhyItIsNotPreviewed(string stackFile, string reason)
    {
        var result = FirstDeploy(stackFile);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("false", result.Out("ready"));
        Assert.Contains("::warning file=Pulumi.ap-south.yaml::The first deploy of stack ap-south cannot be previewed: ", result.Output);
        Assert.Contains(reason, result.Output);
        Assert.Contains("### ap-south: first deploy not previewed", Summary);
        Assert.Equal("", Calls);
    }

    [Fact]
    public void AStackPulumiRefusesToCreateFailsWithPulumisMessage()
    {
        run.Write("Pulumi.ap-south.yaml", "encryptionsalt: v1:abc\nconfig: {}\n");
        run.StandIn("pulumi", """echo "error: incorrect passphrase" >&2; exit 255""");
        var folder = Path.Combine(run.Folder, "scratch");

        var result = run.Script("first-deploy-backend.sh", ["ap-south", folder], new() { ["PULUMI_BACKEND_URL"] = "file://" + folder });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("incorrect passphrase", result.Error);
        Assert.Null(result.Out("ready"));
    }

    [Fact]
    public void TheScratchBackendIsNeverTheRealOne()
    {
        run.Write("Pulumi.ap-south.yaml", "encryptionsalt: v1:abc\nconfig: {}\n");
        run.StandIn("pulumi", """echo "pulumi $*" >> calls.log""");

        var result = run.Script("first-deploy-backend.sh", ["ap-south", "/tmp/x"], new() { ["PULUMI_BACKEND_URL"] = "s3://state" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", Calls);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void AStackNotEnabledIsValidatedAndPlannedAndTheSummarySaysSo(int validateExit, int expectedExit)
    {
        run.StandIn("tenantdb", $"""
            echo "tenantdb $*" >> calls.log
            if [ "$1" = validate ]; then echo "Pulumi.prod.yaml: checked"; exit {validateExit}; fi
            echo "6 tenants on 3 servers (protected)."
            """);

        var result = run.Script("plan-only.sh", ["prod"], new() { ["GITHUB_STEP_SUMMARY"] = Path.Combine(run.Folder, "summary.md") });

        Assert.Equal(expectedExit, result.ExitCode);
        Assert.Contains("### prod: validated and planned only", Summary);
        Assert.Contains("Stack prod is not enabled for deployment (it is not in the repository variable DEPLOY_STACKS), so it was validated and planned only", Summary);
        Assert.Contains("::notice file=Pulumi.prod.yaml::Stack prod is not enabled for deployment", result.Output);
        Assert.Equal(validateExit == 0 ? "tenantdb validate --stack prod\ntenantdb plan --stack prod\n" : "tenantdb validate --stack prod\n", Calls);
    }
}
