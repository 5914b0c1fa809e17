using Spectre.Console;
using Spectre.Console.Cli.Help;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli;

/// <summary>
/// Spectre's own model of the command tree <see cref="TenantDbApp.Create"/> builds, read through a help provider that
/// keeps the model instead of printing it. Built only when a command line was refused, to say what was meant.
/// </summary>
internal static class CommandLineModel
{
    /// <summary>The model of the real <c>tenantdb</c> command tree.</summary>
    public static ICommandModel Load()
    {
        var silent = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var app = TenantDbApp.Create(silent);
        ModelKeeper? keeper = null;
        app.Configure(config =>
        {
            keeper = new ModelKeeper(config.Settings);
            config.SetHelpProvider(keeper);
        });
        app.Run(["--help"]);
        return keeper?.Model ?? throw new InvalidOperationException("The help provider never saw the command model.");
    }

    /// <summary>Every visible command, branches and their subcommands included, with its full name (e.g. "dev-servers start").</summary>
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
            foreach (var option in current.Parameters.OfType<ICommandOption>().Where(option => !option.IsHidden))
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

/// <summary>
/// What is wrong with a command line the parser refused: the first unknown command or option, with the nearest real
/// one, found by walking the words against the command tree (strict parsing refuses them; this says what was meant).
/// </summary>
internal static class CommandLineProblem
{
    /// <summary>The problem with <paramref name="args"/>, or null when every command and option is known (another usage error).</summary>
    public static string? Describe(ICommandModel model, IReadOnlyList<string> args)
    {
        ICommandContainer container = model;
        ICommandInfo? command = null;
        var path = "tenantdb";
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                return null;
            }
            if (word.StartsWith('-') && word != "-")
            {
                var name = word.Split('=', 2)[0];
                var isLong = name.StartsWith("--", StringComparison.Ordinal);
                var key = name[(isLong ? 2 : 1)..];
                var options = command is null ? [] : CommandLineModel.Options(command).ToList();
                var option = options.FirstOrDefault(o => isLong ? o.LongNames.Contains(key, StringComparer.Ordinal) : o.ShortNames.Contains(key, StringComparer.Ordinal));
                if (option is null && key is not ("help" or "h"))
                {
                    return UnknownOption(path, name, options.SelectMany(o => o.LongNames).Select(n => "--" + n).ToList());
                }
                if (option is { IsFlag: false } && !word.Contains('=') && i + 1 < args.Count)
                {
                    i++; // its value
                }
                continue;
            }
            if (container.Commands.FirstOrDefault(c => !c.IsHidden && c.Name == word) is { } next)
            {
                (command, container, path) = (next, next, $"{path} {word}");
                continue;
            }
            if (command is null || command.IsBranch)
            {
                var names = container.Commands.Where(c => !c.IsHidden).Select(c => c.Name).ToList();
                var nearest = Fleet.Validation.NearestName.Find(word, names);
                return $"{path} has no command '{word}'" + (nearest is null ? "" : $"; did you mean {nearest}?") +
                    $" ({path} --help lists: {string.Join(", ", names)}).";
            }
        }
        return null;
    }

    /// <summary>The option <paramref name="bad"/> was given to, with what it takes (<c>--statement-timeout abc: not a whole number</c>).</summary>
    public static string BadValue(IReadOnlyList<string> args, Commands.OptionValueException bad)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var parts = args[i].Split('=', 2);
            if (args[i].StartsWith("--", StringComparison.Ordinal)
                && (parts.Length == 2 ? parts[1] == bad.Value : i + 1 < args.Count && args[i + 1] == bad.Value))
            {
                return $"{parts[0]} {bad.Value}: not {bad.Expected}.";
            }
        }
        return $"'{bad.Value}' is not {bad.Expected}.";
    }

    private static string UnknownOption(string path, string typed, IReadOnlyList<string> known)
    {
        if (known.Count == 0)
        {
            return $"{path} has no option {typed}: name a command first (tenantdb --help lists them).";
        }
        var nearest = Fleet.Validation.NearestName.Find(typed, known);
        return $"{path} has no option {typed}" + (nearest is null ? "" : $"; did you mean {nearest}?") +
            $" ({path} --help describes each of: {string.Join(", ", known)}).";
    }
}
