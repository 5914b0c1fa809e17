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
}
