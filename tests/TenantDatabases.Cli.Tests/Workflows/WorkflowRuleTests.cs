using YamlDotNet.RepresentationModel;

namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>The rules the deploy and pull-request workflows keep, read from their YAML.</summary>
public sealed class WorkflowRuleTests
{
    private static YamlMappingNode Workflow(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFolder.Path(".github", "workflows", file)))
        {
            yaml.Load(reader);
        }
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<(string Name, YamlMappingNode Job)> Jobs(string file) =>
        ((YamlMappingNode)Workflow(file)["jobs"]).Children.Select(pair => (pair.Key.ToString(), (YamlMappingNode)pair.Value));

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) ? ((YamlSequenceNode)steps).Cast<YamlMappingNode>() : [];

    public static TheoryData<string> WorkflowFiles() =>
        [.. Directory.GetFiles(RepositoryFolder.Path(".github", "workflows"), "*.yml").Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void ADeployIsApprovedOnceBeforePulumiUpAndMigrateAndVerifyFollowWithoutAnotherGate()
    {
        var jobs = Jobs("deploy-stack.yml").ToDictionary(job => job.Name, job => job.Job);

        var gated = jobs.Where(job => Value(job.Value, "environment")?.EndsWith("-approval", StringComparison.Ordinal) == true).Select(job => job.Key);
        Assert.Equal(["approval"], gated);
        Assert.Equal("approval", Value(jobs["up"], "needs"));
        Assert.All(new[] { "up", "migrate", "verify" }, name => Assert.Equal("${{ inputs.stack }}", Value(jobs[name], "environment")));
    }

    [Fact]
    public void ThePullRequestCheckRunsInTheStacksEnvironmentToSeeItsSecrets() =>
        Assert.Equal("${{ matrix.stack }}", Value(Jobs("pull-request.yml").Single(job => job.Name == "check").Job, "environment"));

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void ARunnerChosenByVariableComesFromARepositoryMapKeyedByStack(string file)
    {
        foreach (var (_, job) in Jobs(file))
        {
            var runsOn = Value(job, "runs-on") ?? "";
            if (runsOn.Contains("vars.", StringComparison.Ordinal))
            {
                Assert.Matches(@"^\$\{\{ fromJSON\(vars\.[A-Z_]+ \|\| '\{\}'\)\[(inputs|matrix)\.stack\] \|\| 'ubuntu-latest' \}\}$", runsOn);
            }
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void EveryArtifactUploadOverwritesSoThatFailedJobsCanBeRerun(string file)
    {
        var uploads = Jobs(file).SelectMany(job => Steps(job.Job))
            .Where(step => Value(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Assert.All(uploads, step => Assert.Equal("true", Value((YamlMappingNode)step["with"], "overwrite")));
    }

    [Theory]
    [InlineData("deploy.yml", "stacks")]
    [InlineData("deploy-stack.yml", "approval")]
    public void DeploysRunFromMainOnly(string file, string firstJob)
    {
        var job = Jobs(file).First();
        var guard = Steps(job.Job).First();

        Assert.Equal(firstJob, job.Name);
        Assert.Contains("""if [ "$REF" != refs/heads/main ]; then""", Value(guard, "run"));
        Assert.Equal("${{ github.ref }}", Value((YamlMappingNode)guard["env"], "REF"));
    }

    [Fact]
    public void APullRequestThatChangesMigrationsChecksTheScriptsAgainstItsBaseWithTheHistoryItNeeds()
    {
        var workflow = Workflow("pull-request.yml");
        var paths = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["on"])["pull_request"])["paths"]).Select(node => node.ToString());
        var job = Jobs("pull-request.yml").Single(job => job.Name == "migrations").Job;
        var checkout = Steps(job).Single(step => Value(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var check = Steps(job).Single(step => Value(step, "run")?.Contains("migrations check --base \"$BASE\"", StringComparison.Ordinal) == true);

        Assert.Contains("migrations/**", paths);
        Assert.Equal("0", Value((YamlMappingNode)checkout["with"], "fetch-depth"));
        Assert.Equal("${{ github.event.pull_request.base.sha }}", Value((YamlMappingNode)check["env"], "BASE"));
        Assert.Equal("steps.changed.outputs.changed == 'true'", Value(check, "if"));
    }

    [Theory]
    [InlineData("deploy-stack.yml")]
    [InlineData("pull-request.yml")]
    public void WorkflowsThatReachCloudBackendsMayUseOidc(string file) =>
        Assert.Equal("write", Value((YamlMappingNode)Workflow(file)["permissions"], "id-token"));

    [Fact]
    public void TheTestWorkflowRunsTheTestCommandOnEverySupportedPostgreSqlMajorAndRequiresTheEndToEndTest()
    {
        var job = Jobs("test.yml").Single().Job;
        var majors = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["postgres"]).Select(node => node.ToString());

        Assert.Equal(["13", "14", "15", "16", "17", "18"], majors);
        Assert.Equal("/usr/lib/postgresql/${{ matrix.postgres }}/bin", Value((YamlMappingNode)job["env"], "TENANTDB_PG_BINDIR"));
        Assert.Equal("1", Value((YamlMappingNode)job["env"], "TENANTDB_REQUIRE_E2E"));
        Assert.Contains(Steps(job), step => Value(step, "run") == ".github/scripts/install-postgresql.sh \"$PG_MAJOR\"");
        Assert.Contains(Steps(job), step => Value(step, "run") == "bash scripts/test.sh");
        Assert.Contains(Steps(job), step => Value(step, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void OnlyPullRequestRunsOfTheTestsAreCancelledByNewerOnes()
    {
        var concurrency = (YamlMappingNode)Workflow("test.yml")["concurrency"];

        Assert.Equal("test-${{ github.event_name == 'pull_request' && github.ref || github.run_id }}", Value(concurrency, "group"));
        Assert.Equal("${{ github.event_name == 'pull_request' }}", Value(concurrency, "cancel-in-progress"));
    }

    private static int IndexOf(IList<YamlMappingNode> steps, Func<YamlMappingNode, bool> match)
    {
        var index = steps.ToList().FindIndex(step => match(step));
        Assert.True(index >= 0, "step not found");
        return index;
    }

    [Fact]
    public void BeforePulumiUpTheDeployHasCheckedItsToolsItsApprovalGateAndItsShards()
    {
        var steps = Steps(Jobs("deploy-stack.yml").Single(job => job.Name == "up").Job).ToList();

        var prepare = IndexOf(steps, step => Value(step, "uses") == "./.github/actions/prepare");
        var approval = IndexOf(steps, step => Value(step, "run") == ".github/scripts/approval-check.sh \"$STACK-approval\"");
        var shards = IndexOf(steps, step => Value(step, "id") == "shards");
        var up = IndexOf(steps, step => Value(step, "run")?.StartsWith("pulumi up ", StringComparison.Ordinal) == true);

        Assert.True(prepare < approval && approval < up && shards < up, $"prepare {prepare}, approval {approval}, shards {shards}, up {up}");
        Assert.Equal("${{ github.token }}", Value((YamlMappingNode)steps[approval]["env"], "GITHUB_TOKEN"));
        Assert.DoesNotContain("yq", Value(steps[shards], "run"));
    }

    [Theory]
    [InlineData("deploy-stack.yml")]
    [InlineData("deploy.yml")]
    public void TheApprovalCheckMayReadEnvironments(string file)
    {
        var permissions = file == "deploy.yml"
            ? (YamlMappingNode)Jobs(file).Single(job => job.Name == "deploy").Job["permissions"]
            : (YamlMappingNode)Workflow(file)["permissions"];

        Assert.Equal("read", Value(permissions, "actions"));
    }

    [Fact]
    public void PrepareChecksTheToolsTheJobsUse()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFolder.Path(".github", "actions", "prepare", "action.yml")))
        {
            yaml.Load(reader);
        }
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["runs"])["steps"]).Cast<YamlMappingNode>().ToList();

        Assert.Contains(".github/scripts/tools-check.sh", Value(steps[^1], "run"));
        Assert.Contains("tools=(jq curl tenantdb)", Value(steps[^1], "run"));
    }

    [Fact]
    public void VerifyRunsAfterAPartlyFailedMigrateOnTheTenantsItDidNotFail()
    {
        var verify = Jobs("deploy-stack.yml").Single(job => job.Name == "verify").Job;

        Assert.Equal("${{ !cancelled() && needs.up.result == 'success' }}", Value(verify, "if"));
        Assert.Contains(Steps(verify), step => Value(step, "run")?.Contains(".github/scripts/verify-selection.sh", StringComparison.Ordinal) == true);
        Assert.Contains(Steps(verify), step => Value(step, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("deploy.yml")]
    public void AStackNotEnabledIsPlannedOnlyWithNoEnvironmentAndNoSecret(string file)
    {
        var job = Jobs(file).Single(job => job.Name == "plan-only").Job;
        var text = File.ReadAllText(RepositoryFolder.Path(".github", "workflows", file));
        var planOnly = text[text.IndexOf("  plan-only:", StringComparison.Ordinal)..];

        Assert.Null(Value(job, "environment"));
        Assert.DoesNotContain("secrets.", planOnly);
        Assert.Equal("false", Value((YamlMappingNode)Steps(job).Single(step => Value(step, "uses") == "./.github/actions/prepare")["with"], "pulumi"));
        Assert.Contains(Steps(job), step => Value(step, "run") == ".github/scripts/plan-only.sh \"$STACK\"");
    }

    [Theory]
    [InlineData("pull-request.yml", "stacks-to-check.sh")]
    [InlineData("deploy.yml", "stacks-to-deploy.sh")]
    [InlineData("status.yml", "stacks-to-deploy.sh")]
    public void WhichStacksGetSecretsIsDecidedByTheRepositoryVariableDeployStacks(string file, string script)
    {
        var step = Steps(Jobs(file).Single(job => job.Name == "stacks").Job).Single(step => Value(step, "run")?.Contains(script, StringComparison.Ordinal) == true);

        Assert.Equal("${{ vars.DEPLOY_STACKS }}", Value((YamlMappingNode)step["env"], "DEPLOY_STACKS"));
    }

    [Fact]
    public void ThePullRequestDecidesMovesRemovalsAndRenamesThroughTenantDbPlanAlone()
    {
        var steps = Steps(Jobs("pull-request.yml").Single(job => job.Name == "check").Job).ToList();
        var runs = string.Join("\n", steps.Select(step => Value(step, "run") ?? ""));

        Assert.Contains("""tenantdb plan --stack "$STACK" "${previous[@]}" | tee plan.txt""", runs);
        Assert.Contains("""tenantdb plan --stack "$STACK" --previous "$PREVIOUS" --format json > plan.json""", runs);
        Assert.DoesNotContain("yq", runs);
        Assert.DoesNotContain("placements", runs);
    }

    [Fact]
    public void ANewStacksPullRequestPreviewsItsFirstDeployInAScratchBackend()
    {
        var steps = Steps(Jobs("pull-request.yml").Single(job => job.Name == "check").Job).ToList();
        var scratch = steps.Single(step => Value(step, "id") == "scratch");
        var preview = steps.Single(step => Value(step, "if") == "steps.scratch.outputs.ready == 'true'");

        Assert.Equal("steps.previous.outputs.exists == 'false'", Value(scratch, "if"));
        Assert.Equal("file://${{ runner.temp }}/first-deploy", Value((YamlMappingNode)scratch["env"], "PULUMI_BACKEND_URL"));
        Assert.Equal("file://${{ runner.temp }}/first-deploy", Value((YamlMappingNode)preview["env"], "PULUMI_BACKEND_URL"));
        Assert.Equal("file://${{ runner.temp }}/first-deploy", Value((YamlMappingNode)preview["with"], "cloud-url"));
        Assert.Equal("preview", Value((YamlMappingNode)preview["with"], "command"));
        Assert.Contains(steps, step => Value(step, "if") == "steps.previous.outputs.exists == 'true'" && Value(step, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("deploy-stack.yml", "verify")]
    [InlineData("status.yml", "status")]
    public void TheStacksStatusIsAppendedToTheJobSummaryAsMarkdown(string file, string jobName)
    {
        var job = Jobs(file).Single(job => job.Name == jobName).Job;

        Assert.Equal(file == "status.yml" ? "${{ matrix.stack }}" : "${{ inputs.stack }}", Value(job, "environment"));
        Assert.Contains(Steps(job), step => Value(step, "run")?.Contains(
            "tenantdb status --stack \"$STACK\" --tenants --format markdown --report \"reports/status-$STACK.json\" >> \"$GITHUB_STEP_SUMMARY\"",
            StringComparison.Ordinal) == true);
    }

    [Fact]
    public void TheDailyStatusConnectsOnlyToEnabledStacksAndChecksEveryStackFileWithoutASecret()
    {
        var workflow = Workflow("status.yml");
        var jobs = Jobs("status.yml").ToDictionary(job => job.Name, job => job.Job);
        var text = File.ReadAllText(RepositoryFolder.Path(".github", "workflows", "status.yml"));
        var fleet = text[text.IndexOf("  fleet:", StringComparison.Ordinal)..];

        Assert.True(((YamlMappingNode)workflow["on"]).Children.ContainsKey(new YamlScalarNode("schedule")));
        Assert.Equal("${{ fromJSON(needs.stacks.outputs.enabled) }}", Value((YamlMappingNode)((YamlMappingNode)jobs["status"]["strategy"])["matrix"], "include"));
        Assert.Equal("${{ steps.stacks.outputs.deploy }}", Value((YamlMappingNode)jobs["stacks"]["outputs"], "enabled"));
        Assert.Null(Value(jobs["fleet"], "environment"));
        Assert.DoesNotContain("secrets.", fleet);
        Assert.Equal("false", Value((YamlMappingNode)Steps(jobs["fleet"]).Single(step => Value(step, "uses") == "./.github/actions/prepare")["with"], "pulumi"));
        Assert.Contains(Steps(jobs["fleet"]), step => Value(step, "run")?.StartsWith("tenantdb status --all-stacks", StringComparison.Ordinal) == true);
    }
}
