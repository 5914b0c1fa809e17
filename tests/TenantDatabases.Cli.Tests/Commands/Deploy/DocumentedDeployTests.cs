using System.Text.RegularExpressions;

namespace TenantDatabases.Cli.Tests.Commands.Deploy;

/// <summary>
/// What a newcomer reads is what deploy prints: the deploy example of the README and of docs/deploy.md (the dev stack
/// on two local servers, no Pulumi CLI on PATH) is run for real, and its stage lines are compared with the real ones.
/// Only what varies from run to run is set aside: seconds and the stack file's folder.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed partial class DocumentedDeployTests(LocalFleetFixture fleet) : IClassFixture<LocalFleetFixture>
{
    public static TheoryData<string> Documents() => ["README.md", "docs/deploy.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task TheDeployExampleShowsTheStageLinesDeployPrints(string document)
    {
        var documented = Example(File.ReadAllText(RepositoryFolder.Path(document.Split('/'))));
        using var stack = TestStack.Create("dev", LocalFleetFixture.Passphrase,
            [new TestStackServer("local-a", fleet.Servers.First.Port, fleet.Servers.First.AdminPassword),
             new TestStackServer("local-b", fleet.Servers.Second.Port, fleet.Servers.Second.AdminPassword)],
            fleet.Tenants.ToDictionary(tenant => tenant.Id, tenant => tenant.Server == "alpha" ? "local-a" : "local-b"));
        RepositoryMigrations.CopyTo(stack.Directory);
        CommandRun run;
        using (ProcessEnvironment.Set(("PULUMI_CONFIG_PASSPHRASE", LocalFleetFixture.Passphrase), ("PULUMI_CONFIG_PASSPHRASE_FILE", null),
            ("PATH", string.Join(Path.PathSeparator, PathWithoutPulumi()))))
        {
            // As scripts/run.sh runs it.
            run = await CommandRun.RunAsync("deploy", "--stack", "dev", "--create-stack", "--cwd", stack.Directory);
        }

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var printed = StageLines(run.Output);
        Assert.True(documented.SequenceEqual(printed),
            $"{document} shows:\n{string.Join('\n', documented)}\n\ndeploy prints:\n{string.Join('\n', printed)}");
    }

    // The fenced block that begins with deploy's opening line.
    private static IReadOnlyList<string> Example(string markdown)
    {
        var block = FencedBlock().Matches(markdown).Select(match => match.Groups["body"].Value)
            .SingleOrDefault(body => body.StartsWith("deploy stack ", StringComparison.Ordinal));
        Assert.True(block is not null, "no fenced block begins with `deploy stack `");
        return StageLines(block);
    }

    private static IReadOnlyList<string> StageLines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Where(line => StageLine().IsMatch(line)).Select(Normalised)];

    private static string Normalised(string line) =>
        Seconds().Replace(StackFilePath().Replace(line.TrimEnd(), "${file}"), "in N s");

    private static IEnumerable<string> PathWithoutPulumi() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => !File.Exists(Path.Combine(folder, "pulumi")));

    [GeneratedRegex(@"^```[a-z]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    // The opening line, one line per stage, a failed stage's own output, and the closing line.
    [GeneratedRegex(@"^(deploy stack |  (ok  |FAIL|--  |skip|STOP) |       \| |deploy of stack )")]
    private static partial Regex StageLine();

    [GeneratedRegex(@"(?<=\s)\S*/(?<file>Pulumi\.[A-Za-z0-9_.-]+\.yaml)")]
    private static partial Regex StackFilePath();

    [GeneratedRegex(@"in [0-9]+(\.[0-9]+)? s\b")]
    private static partial Regex Seconds();
}
