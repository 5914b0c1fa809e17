using Spectre.Console.Cli.Help;
using Spectre.Console.Testing;
using TenantDatabases.Cli.Commands.RotatePassword;

namespace TenantDatabases.Cli.Tests.CommandTree;

public sealed class HelpTests
{
    private static readonly ICommandModel Model = CommandTreeModel.Load();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, command) in CommandTreeModel.AllCommands(Model).Where(c => !c.Command.IsBranch))
        {
            data.Add(path);
        }
        return data;
    }

    private static ICommandInfo Find(string path) => CommandTreeModel.AllCommands(Model).Single(c => c.Path == path).Command;

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandHasADescriptionAndAnExample(string path)
    {
        var command = Find(path);

        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"`tenantdb {path}` has no description");
        Assert.True(command.Examples.Count > 0 || command.Parent?.Examples.Count > 0, $"`tenantdb {path}` has no example");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryOptionIsDescribedWithAnExample(string path)
    {
        var command = Find(path);
        var examples = command.Examples.Concat(command.Parent?.Examples ?? []).SelectMany(example => example).ToHashSet();

        var missing = CommandTreeModel.Options(command)
            .Select(option => (Name: "--" + option.LongNames.First(), option.Description))
            .Where(option => string.IsNullOrWhiteSpace(option.Description)
                || (!examples.Contains(option.Name) && !option.Description.Contains("Example", StringComparison.Ordinal)))
            .Select(option => option.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"`tenantdb {path}`: no description, or no example in `--help`, for {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpListsEveryOptionTheCommandAcceptsIncludingItsBranchesOptions(string path)
    {
        var run = await CommandRun.RunAsync([.. path.Split(' '), "--help"]);

        // The OPTIONS section alone: the examples name options too.
        var options = run.Output[run.Output.IndexOf("OPTIONS:", StringComparison.Ordinal)..];
        options = options[..options.IndexOf("EXIT CODES:", StringComparison.Ordinal)];
        var missing = CommandTreeModel.Options(Find(path)).Select(option => "--" + option.LongNames.First())
            .Where(option => !System.Text.RegularExpressions.Regex.IsMatch(options, $@"(?m)^ +(-\w, )?{option}\b")).ToList();
        Assert.True(missing.Count == 0, $"`tenantdb {path} --help` leaves out {string.Join(", ", missing)}:\n{run.Output}");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("migrations check --help")]
    [InlineData("deploy --help")]
    public async Task HelpWrittenToAPipeHasNoTrailingSpaces(string arguments)
    {
        var run = await TenantDb.ChildAsync(arguments.Split(' '), environment: new Dictionary<string, string?> { ["COLUMNS"] = null });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var padded = run.Output.Split('\n').Where(line => line.EndsWith(' ')).ToList();
        Assert.True(padded.Count == 0, $"{padded.Count} line(s) end in spaces, the longest {padded.DefaultIfEmpty("").Max(line => line.Length)} characters wide");
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var (_, command) in CommandTreeModel.AllCommands(Model))
        {
            foreach (var example in command.Examples)
            {
                data.Add(string.Join(' ', example));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EveryExampleParses(string example)
    {
        var words = example.Split(' ');
        // With --help the command tree parses every value of the example and runs nothing ...
        var run = await CommandRun.RunAsync([.. words, "--help"]);
        // ... but lets unknown options pass, which the model check catches.
        var problems = InvocationCheck.Problems(Model, new TenantDbInvocation("example", 0, words));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Empty(problems);
    }

    [Fact]
    public void ALoneDashAfterAnOptionIsItsValue() =>
        Assert.Equal(["verify", "--outputs=-", "--format", "json", "-"],
            StandardInputValue.Attach(["verify", "--outputs", "-", "--format", "json", "-"]));

    [Fact]
    public void TheDeployCommandIsRegistered() =>
        Assert.Contains(CommandTreeModel.AllCommands(Model), command => command.Path == "deploy");

    [Theory]
    [InlineData("--help")]
    [InlineData("deploy --help")]
    public void HelpListsTheExitCodes(string arguments)
    {
        var console = new TestConsole().Width(200);

        var exitCode = TenantDbApp.Create(console).Run(arguments.Split(' '));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("EXIT CODES:", console.Output);
        foreach (var (code, meaning) in ExitCodeHelpProvider.ExitCodeMeanings)
        {
            // Codes are padded to the widest (130), so the gap after a short one is wider.
            Assert.Matches($@"\b{code} {{2,}}{System.Text.RegularExpressions.Regex.Escape(meaning)}", console.Output);
        }
    }
}
