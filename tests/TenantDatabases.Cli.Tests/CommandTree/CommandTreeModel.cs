using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Testing;

namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>
/// Spectre's own model of the command tree that <see cref="TenantDbApp.Create"/> builds, read through a
/// help provider that keeps the model instead of printing it.
/// </summary>
public static class CommandTreeModel
{
    /// <summary>The model of the real <c>tenantdb</c> command tree.</summary>
    public static ICommandModel Load()
    {
        var app = TenantDbApp.Create(new TestConsole());
        ModelKeeper? keeper = null;
        app.Configure(config =>
        {
            keeper = new ModelKeeper(config.Settings);
            config.SetHelpProvider(keeper);
        });
        app.Run(["--help"]);
        return keeper?.Model ?? throw new InvalidOperationException("The help provider never saw the command model.");
    }

    /// <summary>Every command, branches and their subcommands included, with its full name (e.g. "dev-servers start").</summary>
    public static IEnumerable<(string Path, ICommandInfo Command)> AllCommands(ICommandContainer container, string prefix = "")
    {
        foreach (var command in container.Commands.Where(command => !command.IsHidden))
        {
            var path = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
            yield return (path, command);
            foreach (var child in AllCommands(command, path))
            {
                yield return child;
            }
        }
    }

    /// <summary>The options a command accepts: its own and those of the branches above it.</summary>
    public static IEnumerable<ICommandOption> Options(ICommandInfo command)
    {
        for (var current = command; current is not null; current = current.Parent)
        {
            foreach (var option in current.Parameters.OfType<ICommandOption>())
            {
                yield return option;
            }
        }
    }

    private sealed class ModelKeeper(ICommandAppSettings settings) : HelpProvider(settings)
    {
        public ICommandModel? Model { get; private set; }

        public override IEnumerable<Spectre.Console.Rendering.IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            Model = model;
            return [];
        }
    }
}
