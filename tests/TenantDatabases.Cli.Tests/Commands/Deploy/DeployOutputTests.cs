using System.Text.Json;
using Spectre.Console.Testing;
using TenantDatabases.Cli.Commands.Deploy;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

public sealed class DeployOutputTests
{
    private const string Secret = "s3cret-Pa55";

    private static readonly DeployRequest Request = new("prod", null, Yes: false, SkipUp: true);

    private static DeployResult StoppedAtPreflight()
    {
        using var report = JsonDocument.Parse("""{"servers":[{"name":"eu-1","status":"error"}]}""");
        return new DeployResult(Request,
        [
            new StageResult(DeployStage.Validate, StageStatus.Passed, 0, "passed: 2 servers, 3 tenants", "2 servers, 3 tenants\n"),
            new StageResult(DeployStage.Preflight, StageStatus.Failed, 1, "failed (exit 1): 1 server has errors",
                $"eu-1  authentication failed (Password={Secret})\n1 server has errors\n", report.RootElement.Clone()),
            StageResult.Skipped(DeployStage.PulumiUp, "skipped (--skip-up)"),
            StageResult.NotRun(DeployStage.Migrate, DeployStage.Preflight),
            StageResult.NotRun(DeployStage.Verify, DeployStage.Preflight),
        ]);
    }

    private static string Render(DeployResult outcome)
    {
        var console = new TestConsole { EmitAnsiSequences = false }.Width(200);
        var view = new DeploySummaryView(console);
        view.Start(outcome.Request);
        foreach (var stage in outcome.Stages)
        {
            view.Stage(stage);
        }
        view.Finish(outcome);
        return console.Output;
    }

    [Fact]
    public void TheSummaryNamesTheFailedStageAndTheNextStep()
    {
        var output = Render(StoppedAtPreflight());

        Assert.Contains("stopped at preflight", output);
        Assert.Contains("tenantdb preflight --stack prod", output);
        Assert.Contains("1 server has errors", output);
        Assert.Contains("not run: preflight failed", output);
        Assert.Contains("skipped (--skip-up)", output);
    }

    [Fact]
    public void TheSummaryNeverShowsAPassword()
    {
        var outcome = StoppedAtPreflight();
        var failed = outcome.Stages[1] with { Output = $"Password={Secret}" };

        Assert.DoesNotContain(Secret, Render(outcome with { Stages = [outcome.Stages[0], failed, .. outcome.Stages.Skip(2)] }));
    }

    [Fact]
    public void TheReportKeepsEveryStageInOrderWithItsOwnReport()
    {
        using var json = JsonDocument.Parse(DeployReport.ToJson(StoppedAtPreflight()));
        var root = json.RootElement;

        Assert.Equal("prod", root.GetProperty("stack").GetString());
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("preflight", root.GetProperty("failedStage").GetString());
        Assert.Contains("tenantdb preflight", root.GetProperty("nextStep").GetString());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["validate", "preflight", "pulumi up", "migrate", "verify"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(["passed", "failed", "skipped", "not run", "not run"], stages.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal("error", stages[1].GetProperty("report").GetProperty("servers")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void TheReportNeverContainsAPassword() =>
        Assert.DoesNotContain(Secret, DeployReport.ToJson(StoppedAtPreflight()));

    [Fact]
    public void AMissingPulumiCliSaysHowToInstallItOrSkipUp()
    {
        var failed = new StageResult(DeployStage.PulumiUp, StageStatus.Failed, 1, PulumiUpAdvice.NotOnPath, Outcome: StageOutcome.NoPulumiCli);

        var advice = StageAdvice.NextStep(failed, Request);

        Assert.Contains("Install the Pulumi CLI", advice);
        Assert.Contains("--skip-up", advice);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("preflight")]
    [InlineData("migrate")]
    [InlineData("verify")]
    public void EveryFailedStageGetsAnAdviceWithTheStackAndFolder(string stageName)
    {
        var stage = DeployStages.InOrder.Single(s => DeployStages.Name(s) == stageName);
        var request = Request with { WorkingDirectory = "infra" };

        var advice = StageAdvice.NextStep(new StageResult(stage, StageStatus.Failed, 1, "failed"), request);

        Assert.Contains("--stack prod --cwd infra", advice);
    }

    [Fact]
    public void AMigrateThatCouldNotStartSaysNoTenantWasTouched()
    {
        var advice = StageAdvice.NextStep(new StageResult(DeployStage.Migrate, StageStatus.Failed, ExitCodes.Usage, "failed"), Request);

        Assert.Contains("no tenant was touched", advice);
        Assert.Contains("tenantdb migrate --stack prod", advice);
    }

    [Fact]
    public void TheSummaryLineIsTheOutcomeAndTheFirstLineOfTheStagesResult()
    {
        Assert.Equal("passed: 3 tenants migrated", StageSummary.From(0, "3 tenants migrated"));
        Assert.Equal("failed (exit 2)", StageSummary.From(2, null));
        Assert.Equal("passed: /srv/Pulumi.prod.yaml: valid.", StageSummary.From(0, "/srv/Pulumi.prod.yaml: valid.\n"));
        Assert.Equal("failed (exit 1): error: no such stack", StageSummary.From(1, "error: no such stack\n1 problem\n"));
        Assert.EndsWith("...", StageSummary.From(0, new string('x', 200)));
    }
}
