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

    [Fact]
    public void APullRequestWhoseLastChangedStackFileIsDeletedChecksTheOthers()
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write("Pulumi.prod.yaml", "config: {a: 1}\n");
        File.Delete(Path.Combine(run.Folder, "Pulumi.zz.yaml"));
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("""["prod"]""", result.Output);
    }

    [Theory]
    [InlineData("src/Program.cs")]
    [InlineData("Pulumi.yaml")]
    [InlineData("Directory.Packages.props")]
    [InlineData("global.json")]
    public void AChangeToTheProgramOrItsBuildChecksEveryStack(string file)
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write(file, "changed\n");
        Commit();

        var result = run.Script("stacks-to-check.sh", [baseBranch]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("""["dev","eu","prod","zz"]""", result.Output);
    }

    [Fact]
    public void APullRequestThatChangesNoStackChecksNone()
    {
        var baseBranch = Base();
        run.Git("checkout", "-q", "-b", "change");
        run.Write("docs/notes.md", "text\n");
        Commit();

        Assert.Equal("[]", run.Script("stacks-to-check.sh", [baseBranch]).Output);
    }

    [Fact]
    public void ADeployWithDevAsTheOnlyStackDeploysNothingAndSucceeds()
    {
        run.Write("Pulumi.dev.yaml", "config: {}\n");

        var result = run.Script("stacks-to-deploy.sh", []);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("[]", result.Output);
    }

    [Fact]
    public void ADeployOfEveryStackLeavesOutDev()
    {
        Base();

        Assert.Equal("""[{"stack":"eu","qualified":""},{"stack":"prod","qualified":""},{"stack":"zz","qualified":""}]""",
            run.Script("stacks-to-deploy.sh", []).Output);
    }

    [Theory]
    [InlineData("prod", """[{"stack":"prod","qualified":""}]""")]
    [InlineData("acme/prod", """[{"stack":"prod","qualified":"acme/prod"}]""")]
    public void ADeployOfOneStackTakesItsShortOrFullyQualifiedName(string input, string expected)
    {
        Base();

        Assert.Equal(expected, run.Script("stacks-to-deploy.sh", [input]).Output);
    }

    [Theory]
    [InlineData("dev", "deploy it with scripts/run.sh")]
    [InlineData("nope", "No stack file Pulumi.nope.yaml")]
    [InlineData("a/b/prod", "is not a stack name")]
    [InlineData("prod; rm -rf /", "is not a stack name")]
    public void ADeployOfAStackThatCannotBeDeployedFromGitHubIsRefused(string input, string message)
    {
        Base();

        var result = run.Script("stacks-to-deploy.sh", [input]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void AStackThatDoesNotExistYetHasNoPreviousOutputs()
    {
        run.StandIn("pulumi", """echo "error: no stack named 'acme/prod' found" >&2; exit 255""");

        var result = run.Script("previous-outputs.sh", ["acme/prod", "previous.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("does not exist yet", result.Output);
        Assert.DoesNotContain("file=", result.GitHubOutput);
    }

    [Theory]
    [InlineData("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions")]
    [InlineData("error: failed to load checkpoint: blob (key \".pulumi/stacks/prod.json\") AccessDenied")]
    [InlineData("error: [403] Forbidden: you are not a member of this organization")]
    public void AnyOtherErrorReadingPreviousOutputsFailsTheCheck(string error)
    {
        run.StandIn("pulumi", $"echo '{error}' >&2; exit 255");

        var result = run.Script("previous-outputs.sh", ["prod", "previous.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(error, result.Error);
        Assert.Contains("cannot be checked", result.Error);
        Assert.DoesNotContain("file=", result.GitHubOutput);
    }

    [Fact]
    public void PreviousOutputsAreWrittenForTheGuard()
    {
        run.StandIn("pulumi", """[ "$*" = "stack output --json --non-interactive --stack prod" ] && echo '{"placements":{}}'""");

        var result = run.Script("previous-outputs.sh", ["prod", "previous.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("file=previous.json\n", result.GitHubOutput);
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
