using Spectre.Console.Cli.Help;

namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>
/// Every command of the tree refuses an option it does not have, with exit 2, the option named and the nearest real
/// one suggested: a mistyped <c>--dry-run</c> must never run for real. The commands and options come from the tree
/// itself, so a new command or option is covered without a line here.
/// </summary>
public sealed class StrictOptionsTests
{
    private static readonly ICommandModel Model = CommandTreeModel.Load();

    public static TheoryData<string, string> MisspelledOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTreeModel.AllCommands(Model).Where(c => !c.Command.IsBranch))
        {
            foreach (var option in CommandTreeModel.Options(command).SelectMany(o => o.LongNames))
            {
                data.Add(path, option);
            }
        }
        return data;
    }

    // "dry-run" → "dryrun", "stack" → "stak": one character less, as a slip of the hand types it.
    private static string Misspell(string option) =>
        option.Contains('-') ? option.Replace("-", "", StringComparison.Ordinal) : option.Remove(option.Length - 2, 1);

    // An empty folder, so that a command that wrongly ran would find no Pulumi.yaml and change nothing.
    private static readonly string Nowhere = Directory.CreateTempSubdirectory("tenantdb-strict-").FullName;

    // A positional argument (add-tenant <ID>), --stack and --cwd where the command has them, so that the option is the only thing wrong.
    private static string[] Arguments(ICommandInfo command, string path)
    {
        var has = CommandTreeModel.Options(command).SelectMany(o => o.LongNames).ToHashSet();
        return [.. path.Split(' '), .. command.Parameters.OfType<ICommandArgument>().Select(_ => "acme"),
            .. has.Contains("stack") ? ["--stack", "dev"] : Array.Empty<string>(), .. has.Contains("cwd") ? ["--cwd", Nowhere] : Array.Empty<string>()];
    }

    [Theory]
    [MemberData(nameof(MisspelledOptions))]
    public async Task EveryCommandRefusesAMisspelledOptionNamingItAndTheNearestRealOne(string path, string option)
    {
        var command = CommandTreeModel.AllCommands(Model).Single(c => c.Path == path).Command;
        var typed = "--" + Misspell(option);
        var arguments = Arguments(command, path).Append(typed).ToArray();

        var run = await CommandRun.RunAsync(arguments);

        Assert.True(run.ExitCode == ExitCodes.Usage, $"tenantdb {string.Join(' ', arguments)}: exit {run.ExitCode}\n{run.Output}");
        Assert.Contains(typed, run.Output);
        Assert.Contains($"did you mean --{option}?", run.Output);
        Assert.Contains($"tenantdb {path}", run.Output);
    }

    [Theory]
    [InlineData("rotate-password --stack dev --server local-a --dryrun", "--dryrun", "--dry-run")]
    [InlineData("migrate --outputs o.json --dryrun", "--dryrun", "--dry-run")]
    [InlineData("validate --stack dev --bogus", "--bogus", null)]
    [InlineData("migrations check --format json", "--format", null)]
    [InlineData("dev-servers start --stack dev --stak dev", "--stak", "--stack")]
    [InlineData("--stak dev", "--stak", null)]
    public async Task TheIssuesExamplesAreRefusedBeforeAnythingRuns(string line, string unknown, string? nearest)
    {
        var run = await CommandRun.RunAsync([.. line.Split(' '), "--cwd", Nowhere]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.Output);
        Assert.Contains($"has no option {unknown}", run.Output);
        if (nearest is not null)
        {
            Assert.Contains($"did you mean {nearest}?", run.Output);
        }
        Assert.DoesNotContain("Pulumi.yaml", run.Output); // refused before any command looked for its project
    }

    [Fact]
    public async Task AnOptionThatExistsOnAnotherCommandOnlyIsRefusedWithTheOptionsThisOneHas()
    {
        var run = await CommandRun.RunAsync("migrations", "check", "--format", "json", "--cwd", Nowhere);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--base", run.Output);
        Assert.Contains("--scripts", run.Output);
    }

    [Fact]
    public async Task AMistypedCommandIsRefusedWithTheNearestCommand()
    {
        var run = await CommandRun.RunAsync("valdate", "--stack", "dev", "--cwd", Nowhere);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("did you mean validate?", run.Output);
    }

    [Fact]
    public async Task NoCommandAtAllPrintsTheHelpAndIsAUsageError()
    {
        var run = await CommandRun.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("COMMANDS:", run.Output);
        Assert.Contains("error: name a command", run.Output);
    }
}
