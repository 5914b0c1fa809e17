using Spectre.Console.Cli.Help;
using TenantDatabases.Cli.Tests.CommandTree;

namespace TenantDatabases.Cli.Tests.Workflows;

/// <summary>The workflows use only commands and options that exist, so they cannot rot unnoticed.</summary>
public sealed class WorkflowTests
{
    private static readonly ICommandModel Model = CommandTreeModel.Load();

    private static string WorkflowFolder => RepositoryFolder.Path(".github", "workflows");

    public static TheoryData<string> WorkflowFiles() =>
        [.. Directory.GetFiles(WorkflowFolder, "*.yml").Select(Path.GetFileName).OfType<string>()];

    /// <summary>The workflows' shell scripts and local actions, relative to .github: they run tenantdb too.</summary>
    private static IEnumerable<string> ScriptAndActionPaths() =>
        Directory.GetFiles(RepositoryFolder.Path(".github", "scripts"), "*.sh", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryFolder.Path(".github", "actions"), "action.yml", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryFolder.Path(".github"), path));

    public static TheoryData<string> ScriptAndActionFiles() => [.. ScriptAndActionPaths()];

    private static IReadOnlyList<string> ProblemsOf(string source, string text) =>
        [.. TenantDbInvocations.Extract(source, text).SelectMany(invocation => InvocationCheck.Problems(Model, invocation))];

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void EveryTenantDbCommandAndOptionInTheWorkflowExists(string file)
    {
        var problems = ProblemsOf(file, File.ReadAllText(Path.Combine(WorkflowFolder, file)));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(ScriptAndActionFiles))]
    public void EveryTenantDbCommandAndOptionInTheWorkflowsScriptsAndActionsExists(string file)
    {
        var problems = ProblemsOf(file, File.ReadAllText(RepositoryFolder.Path(".github", file)));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheScriptsAreScannedForInvocations() =>
        Assert.Contains(Path.Combine("scripts", "plan-only.sh"), ScriptAndActionPaths());

    [Fact]
    public void TheWorkflowsRunEveryStepOfAReviewAndADeployment()
    {
        var used = Directory.GetFiles(WorkflowFolder, "*.yml")
            .SelectMany(path => TenantDbInvocations.Extract(Path.GetFileName(path), File.ReadAllText(path)))
            .Select(invocation => invocation.Words[0])
            .ToHashSet();

        // Every step is used (Assert.Superset(a, b) would only say that no other command is).
        Assert.Subset(used, new HashSet<string> { "migrations", "validate", "plan", "preflight", "migrate", "verify" });
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void EveryWorkflowIsYamlWhoseJobsRunSomewhere(string file)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        using (var reader = new StreamReader(Path.Combine(WorkflowFolder, file)))
        {
            yaml.Load(reader);
        }
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = (YamlDotNet.RepresentationModel.YamlMappingNode)root["jobs"];

        Assert.NotEmpty(jobs.Children);
        foreach (var (name, job) in jobs.Children)
        {
            var keys = ((YamlDotNet.RepresentationModel.YamlMappingNode)job).Children.Keys.Select(key => key.ToString()).ToList();
            Assert.True(keys.Contains("runs-on") || keys.Contains("uses"), $"{file}: job {name} has neither runs-on nor uses");
        }
    }

    [Fact]
    public void ThePullRequestAndDeployWorkflowsExist()
    {
        Assert.True(File.Exists(Path.Combine(WorkflowFolder, "pull-request.yml")));
        Assert.True(File.Exists(Path.Combine(WorkflowFolder, "deploy.yml")));
        Assert.True(File.Exists(Path.Combine(WorkflowFolder, "deploy-stack.yml")));
    }

    [Fact]
    public void AnUnknownCommandIsCaught() =>
        Assert.Contains("unknown command 'deploy-all'", Assert.Single(ProblemsOf("fake.yml", "      - run: tenantdb deploy-all --stack prod")));

    [Fact]
    public void AnUnknownOptionIsCaught() =>
        Assert.Contains("has no option --stak", Assert.Single(ProblemsOf("fake.yml", "      - run: tenantdb deploy --stak prod --yes")));

    [Fact]
    public void AnUnknownOptionOnAContinuationLineIsCaught()
    {
        const string workflow = """
              - run: |
                  tenantdb deploy --stack "${{ matrix.stack }}" \
                    --yes \
                    --force > out.txt
            """;

        var invocation = Assert.Single(TenantDbInvocations.Extract("fake.yml", workflow));
        Assert.Equal(["deploy", "--stack", "${{ matrix.stack }}", "--yes", "--force"], invocation.Words);
        Assert.Contains("has no option --force", Assert.Single(ProblemsOf("fake.yml", workflow)));
    }

    [Fact]
    public void AnInvocationThroughDotnetRunIsChecked() =>
        Assert.Contains("has no option --dry", Assert.Single(ProblemsOf("fake.yml",
            "run: dotnet run --project src/TenantDatabases.Cli -c Release -- deploy --stack prod --dry | tee log")));

    [Fact]
    public void AnUnknownSubcommandIsCaught() =>
        Assert.Contains("'dev-servers' needs one of", Assert.Single(ProblemsOf("fake.yml", "run: tenantdb dev-servers restart --stack dev")));

    [Fact]
    public void CommentsAreNotInvocations() =>
        Assert.Empty(TenantDbInvocations.Extract("fake.yml", """
            # tenantdb nonsense --here
                shell: bash # a failing tenantdb fails its step
            """));

    [Fact]
    public void KnownCommandsAndOptionsPass() =>
        Assert.Empty(ProblemsOf("fake.yml", """
            run: tenantdb deploy --stack prod --cwd . --yes --skip-up --report "reports/deploy.json" && echo done
            run: tenantdb --help; tenantdb deploy -h
            """));
}
