namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>The workflows' shell steps under <c>bash -eo pipefail</c>, including the cases that used to fail them.</summary>
public sealed class WorkflowScriptTests : IDisposable
{
    private readonly WorkflowScript run = new();

    public void Dispose() => run.Dispose();

    private string Base()
    {
        run.Write("Pulumi.yaml", "name: tenant-databases\n");
        foreach (var stack in new[] { "dev", "eu", "prod", "zz" })
        {
            run.Write($"Pulumi.{stack}.yaml", "config: {}\n");
        }
        run.Write("src/Program.cs", "// program\n");
        run.Git("init", "-q", "-b", "main");
        run.Git("add", "-A");
        run.Git("commit", "-qm", "base");
        return "main";
    }

    private void Commit() { run.Git("add", "-A"); run.Git("commit", "-qm", "change"); }

    private static Dictionary<string, string> Enabled(string deployStacks) => new() { ["DEPLOY_STACKS"] = deployStacks };

    [Fact]
    public void APullRequestWhoseLastChangedStackFileIsDeletedChecksTheOthers()
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write("Pulumi.prod.yaml", "config: {a: 1}\n");
        File.Delete(Path.Combine(run.Folder, "Pulumi.zz.yaml"));
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch], Enabled("""["prod"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("""["prod"]""", result.Out("preview"));
        Assert.Equal("[]", result.Out("plan"));
    }

    [Theory]
    [InlineData("src/Program.cs")]
    [InlineData("Pulumi.yaml")]
    [InlineData("Directory.Packages.props")]
    [InlineData("global.json")]
    public void AChangeToTheProgramOrItsBuildChecksEveryStackPreviewingOnlyTheEnabledOnes(string file)
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write(file, "changed\n");
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch], Enabled("""["prod", "eu"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("""["eu","prod"]""", result.Out("preview"));
        Assert.Equal("""["dev","zz"]""", result.Out("plan"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("[]")]
    public void WithNoStackEnabledEveryStackIsPlannedOnly(string deployStacks)
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write("src/Program.cs", "changed\n");
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch], Enabled(deployStacks));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("[]", result.Out("preview"));
        Assert.Equal("""["dev","eu","prod","zz"]""", result.Out("plan"));
    }

    [Fact]
    public void APullRequestThatChangesNoStackChecksNone()
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write("docs/notes.md", "text\n");
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch], Enabled("""["prod"]"""));

        Assert.Equal("[]", result.Out("preview"));
        Assert.Equal("[]", result.Out("plan"));
    }

    [Theory]
    [InlineData("prod", "must be a JSON array of stack short names")]
    [InlineData("""{"prod": true}""", "must be a JSON array of stack short names")]
    [InlineData("""["prod", 1]""", "must be a JSON array of stack short names")]
    [InlineData("""["acme/prod"]""", "names 'acme/prod', which is not a stack's short name")]
    [InlineData("""["dev"]""", "DEPLOY_STACKS names dev, which lives on local servers")]
    public void AMalformedSwitchStopsTheRunInsteadOfEnablingNothingQuietly(string deployStacks, string message)
    {
        var baseBranch = Base();

        foreach (var result in new[] { run.Script("stacks-to-check.sh", [baseBranch], Enabled(deployStacks)), run.Script("stacks-to-deploy.sh", [], Enabled(deployStacks)) })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(message, result.Error);
            Assert.Null(result.Out("deploy"));
            Assert.Null(result.Out("preview"));
        }
    }

    [Fact]
    public void AnEnabledStackWithoutAFileIsAWarning()
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", [], Enabled("""["prod", "gone"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("::warning::DEPLOY_STACKS names gone, which has no stack file Pulumi.gone.yaml.", result.Error);
        Assert.Equal("""[{"stack":"prod","qualified":""}]""", result.Out("deploy"));
    }

    [Fact]
    public void ADeployWithDevAsTheOnlyStackDeploysNothingAndSucceeds()
    {
        run.Write("Pulumi.dev.yaml", "config: {}\n");

        var result = run.Script("stacks-to-deploy.sh", [], Enabled("""["prod"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("[]", result.Out("deploy"));
        Assert.Equal("[]", result.Out("plan"));
    }

    [Fact]
    public void ADeployOfEveryStackDeploysTheEnabledOnesPlansTheOthersAndLeavesOutDev()
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", [], Enabled("""["zz", "prod"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("""[{"stack":"prod","qualified":""},{"stack":"zz","qualified":""}]""", result.Out("deploy"));
        Assert.Equal("""["eu"]""", result.Out("plan"));
    }

    [Fact]
    public void WithTheSwitchUnsetAMergeDeploysNothing()
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", []);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("[]", result.Out("deploy"));
        Assert.Equal("""["eu","prod","zz"]""", result.Out("plan"));
    }

    [Theory]
    [InlineData("prod", """[{"stack":"prod","qualified":""}]""")]
    [InlineData("acme/prod", """[{"stack":"prod","qualified":"acme/prod"}]""")]
    public void ADeployOfOneStackTakesItsShortOrFullyQualifiedName(string input, string expected)
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", [input], Enabled("""["prod"]"""));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(expected, result.Out("deploy"));
        Assert.Equal("[]", result.Out("plan"));
    }

    [Theory]
    [InlineData("dev", "deploy it with scripts/run.sh")]
    [InlineData("nope", "No stack file Pulumi.nope.yaml")]
    [InlineData("a/b/prod", "is not a stack name")]
    [InlineData("prod; rm -rf /", "is not a stack name")]
    [InlineData("eu", "Stack eu is not enabled for deployment: add \"eu\" to the repository variable DEPLOY_STACKS")]
    [InlineData("acme/eu", "Stack eu is not enabled for deployment")]
    public void ADeployOfAStackThatCannotBeDeployedFromGitHubIsRefused(string input, string message)
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", [input], Enabled("""["prod"]"""));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Null(result.Out("deploy"));
    }

    [Fact]
    public void AStackThatDoesNotExistYetHasNoPreviousOutputs()
    {
        run.RealTenantDb();
        run.StandIn("pulumi", """echo "error: no stack named 'acme/prod' found" >&2; exit 255""");

        var result = run.Script("previous-outputs.sh", ["acme/prod", "previous.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("does not exist in the Pulumi backend", result.Output);
        Assert.Contains("::warning::Stack acme/prod does not exist in the Pulumi backend, and a deploy never creates one", result.Output);
        Assert.Equal("false", result.Out("exists"));
        Assert.DoesNotContain("file=", result.GitHubOutput);
    }

    [Theory]
    [InlineData("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions")]
    [InlineData("error: failed to load checkpoint: blob (key \".pulumi/stacks/prod.json\") AccessDenied")]
    [InlineData("error: [403] Forbidden: you are not a member of this organization")]
    public void AnyOtherErrorReadingPreviousOutputsFailsTheCheck(string error)
    {
        run.RealTenantDb();
        run.StandIn("pulumi", $"echo '{error}' >&2; exit 255");

        var result = run.Script("previous-outputs.sh", ["prod", "previous.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(error, result.Error);
        Assert.Contains("cannot be checked", result.Error);
        Assert.Equal("", result.GitHubOutput);
    }

    [Fact]
    public void PreviousOutputsAreWrittenForTheGuard()
    {
        run.RealTenantDb();
        run.StandIn("pulumi", """[ "$*" = "stack output --json --stack prod --non-interactive" ] && echo '{"placements":{}}'""");

        var result = run.Script("previous-outputs.sh", ["prod", "previous.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("exists=true\nfile=previous.json\n", result.GitHubOutput);
        Assert.Equal("{\"placements\":{}}\n", File.ReadAllText(Path.Combine(run.Folder, "previous.json")));
    }

    [Theory]
    [InlineData("", "", "", "pulumi-stack=prod\norg=\n")]
    [InlineData("", "acme", "", "pulumi-stack=acme/prod\norg=acme\n")]
    [InlineData("", "acme", "other/prod", "pulumi-stack=other/prod\norg=other\n")]
    [InlineData("given/prod", "acme", "other/prod", "pulumi-stack=given/prod\norg=given\n")]
    public void TheStacksNameInPulumiIsTheQualifiedNameElseTheDefaultOrganisationsElseItsOwn(
        string qualified, string org, string stackName, string expected)
    {
        var result = run.Script("pulumi-stack.sh", ["prod", qualified], new() { ["PULUMI_ORG"] = org, ["PULUMI_STACK_NAME"] = stackName });

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(expected, result.GitHubOutput);
    }

    [Fact]
    public void AQualifiedNameOfAnotherStackIsRefused()
    {
        var result = run.Script("pulumi-stack.sh", ["prod"], new() { ["PULUMI_STACK_NAME"] = "acme/staging" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not the organisation stack of Pulumi.prod.yaml", result.Error);
    }

    [Theory]
    [InlineData("encryptionsalt: v1:abc\nconfig: {}\n")]
    [InlineData("secretsprovider: passphrase\nencryptionsalt: v1:abc\nconfig: {}\n")]
    public void AnEmptyPassphraseStopsAPassphraseStackWithTheReason(string stackFile)
    {
        run.Write("Pulumi.prod.yaml", stackFile);

        var result = run.Script("passphrase-check.sh", ["prod", "prod"], new() { ["PULUMI_CONFIG_PASSPHRASE"] = "" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE is empty: add the secret PULUMI_CONFIG_PASSPHRASE to the GitHub environment 'prod'", result.Error);
    }

    [Theory]
    [InlineData("encryptionsalt: v1:abc\nconfig: {}\n", "a-passphrase")]
    [InlineData("secretsprovider: awskms://alias/x\nencryptedkey: abc\nconfig: {}\n", "")]
    [InlineData("config: {}\n", "")]
    public void OtherStacksAndASetPassphrasePass(string stackFile, string passphrase)
    {
        run.Write("Pulumi.prod.yaml", stackFile);

        var result = run.Script("passphrase-check.sh", ["prod", "prod"], new() { ["PULUMI_CONFIG_PASSPHRASE"] = passphrase });

        Assert.True(result.ExitCode == 0, result.Error);
    }
}
