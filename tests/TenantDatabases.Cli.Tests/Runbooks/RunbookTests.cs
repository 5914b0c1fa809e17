using System.Text.RegularExpressions;
using Spectre.Console.Cli.Help;
using TenantDatabases.Cli.Commands.Deploy;
using TenantDatabases.Cli.Tests.CommandTree;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>The runbooks use only commands and options that exist, and every runbook is indexed and reachable.</summary>
public sealed partial class RunbookTests
{
    private static readonly ICommandModel Model = CommandTreeModel.Load();

    private static string Folder => RepositoryFolder.Path("docs", "runbooks");

    public static TheoryData<string> Runbooks() =>
        [.. Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Runbooks))]
    public void EveryTenantDbCommandAndOptionInTheRunbookExists(string file)
    {
        var problems = TenantDbInvocations.Extract(file, File.ReadAllText(Path.Combine(Folder, file)))
            .SelectMany(invocation => InvocationCheck.Problems(Model, invocation))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryTenantDbCommandAndOptionInTheDeployGuideExists()
    {
        var file = RepositoryFolder.Path("docs", "deploy.md");
        var problems = TenantDbInvocations.Extract("docs/deploy.md", File.ReadAllText(file))
            .SelectMany(invocation => InvocationCheck.Problems(Model, invocation))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheIndexLinksEveryRunbook()
    {
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));

        foreach (var file in Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName).Where(f => f != "README.md"))
        {
            Assert.Contains($"]({file})", index);
        }
    }

    [Theory]
    [MemberData(nameof(Runbooks))]
    public void EveryLinkedRunbookExists(string file)
    {
        foreach (Match link in LocalLink().Matches(File.ReadAllText(Path.Combine(Folder, file))))
        {
            Assert.True(File.Exists(Path.Combine(Folder, link.Groups[1].Value)), $"{file} links to a missing {link.Groups[1].Value}");
        }
    }

    [Fact]
    public void TheRunbooksThatDeployAndTheWorkflowsPointAtExist()
    {
        var request = new DeployRequest("prod", null, false, false);
        var pointers = DeployStages.InOrder
            .Select(stage => StageAdvice.NextStep(new StageResult(stage, StageStatus.Failed, 1, "failed"), request))
            .Concat(Directory.GetFiles(RepositoryFolder.Path(".github", "workflows")).Select(File.ReadAllText));

        var mentioned = pointers.SelectMany(text => RunbookPath().Matches(text)).Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(mentioned);
        Assert.All(mentioned, path => Assert.True(File.Exists(RepositoryFolder.Path(path.Split('/'))), $"{path} does not exist"));
    }

    [GeneratedRegex(@"\]\(([\w.-]+\.md)\)")]
    private static partial Regex LocalLink();

    [GeneratedRegex(@"docs/runbooks/[\w.-]+\.md")]
    private static partial Regex RunbookPath();
}
