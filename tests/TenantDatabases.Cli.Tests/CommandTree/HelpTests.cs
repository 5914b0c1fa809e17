using Spectre.Console.Cli.Help;
using Spectre.Console.Testing;

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

        foreach (var option in CommandTreeModel.Options(command))
        {
            var name = "--" + option.LongNames.First();
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"`tenantdb {path} {name}` has no description");
            Assert.True(examples.Contains(name) || option.Description!.Contains("Example", StringComparison.Ordinal),
                $"`tenantdb {path} {name}` appears in no example and its description gives none");
        }
    }

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
        foreach (var (code, meaning) in Help.ExitCodeHelpProvider.ExitCodeMeanings)
        {
            Assert.Contains($"{code}  {meaning}", console.Output);
        }
    }
}
