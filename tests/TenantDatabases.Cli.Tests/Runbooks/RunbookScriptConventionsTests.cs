using System.Text.RegularExpressions;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>
/// Every script the runbooks name exists, and every runbook script stops at the first failure, prints its
/// usage on --help, and answers a wrong argument with a usage error (exit 2) before touching anything.
/// </summary>
public sealed partial class RunbookScriptConventionsTests
{
    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(RepositoryFolder.Path("scripts", "runbooks"), "*.sh").Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void EveryScriptTheRunbooksNameExists()
    {
        var named = Directory.GetFiles(RepositoryFolder.Path("docs", "runbooks"), "*.md")
            .SelectMany(file => ScriptPath().Matches(File.ReadAllText(file)).Select(match => match.Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.True(File.Exists(RepositoryFolder.Path(path.Split('/'))), $"{path} does not exist"));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void TheScriptStopsAtTheFirstFailure(string script)
    {
        var text = File.ReadAllText(RepositoryFolder.Path("scripts", "runbooks", script));

        Assert.Contains("\nset -euo pipefail\n", text);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task HelpPrintsTheUsage(string script)
    {
        var result = await RunbookScript.RunAsync(script, ["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"usage: {script} ", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task AnUnknownArgumentIsAUsageError(string script)
    {
        var result = await RunbookScript.RunAsync(script, ["--no-such-option"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown argument '--no-such-option'", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [GeneratedRegex(@"scripts/runbooks/[\w.-]+\.sh")]
    private static partial Regex ScriptPath();
}
