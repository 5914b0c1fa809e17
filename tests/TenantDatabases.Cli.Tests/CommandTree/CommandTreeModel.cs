using Spectre.Console.Cli.Help;

namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>
/// Spectre's own model of the command tree that <see cref="TenantDbApp.Create"/> builds: the one the tool itself reads
/// to name an unknown option's nearest real one (<see cref="CommandLineModel"/>).
/// </summary>
public static class CommandTreeModel
{
    /// <summary>The model of the real <c>tenantdb</c> command tree.</summary>
    public static ICommandModel Load() => CommandLineModel.Load();

    /// <summary>Every command, branches and their subcommands included, with its full name (e.g. "dev-servers start").</summary>
    public static IEnumerable<(string Path, ICommandInfo Command)> AllCommands(ICommandContainer container) => CommandLineModel.AllCommands(container);

    /// <summary>The options a command accepts: its own and those of the branches above it.</summary>
    public static IEnumerable<ICommandOption> Options(ICommandInfo command) => CommandLineModel.Options(command);
}
