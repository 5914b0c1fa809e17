using Spectre.Console.Cli.Help;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;
using Spectre.Console;

namespace TenantDatabases.Cli;

/// <summary>The exit codes of every command (the README lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>Invalid configuration, a failed check or a failed tenant.</summary>
    public const int Failure = 1;

    /// <summary>Usage error, or a file that cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Cancelled by SIGINT or SIGTERM (128 + SIGINT, as shells report Ctrl-C): nothing new was started, the work
    /// in flight finished or rolled back, and the report says where every tenant stands.
    /// </summary>
    public const int Cancelled = 130;
}

/// <summary>
/// Spectre's help, followed by the exit codes every command shares; a subcommand's options include those it inherits
/// from its branch (<c>dev-servers start</c> takes <c>--stack</c> and <c>--cwd</c>), which Spectre lists only on the branch.
/// </summary>
internal sealed class ExitCodeHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is { IsBranch: false, Parent: not null } ? new WithInheritedOptions(command) : command);

    /// <summary>The exit codes as <c>--help</c> lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> ExitCodeMeanings { get; } =
    [
        (ExitCodes.Success, "success (warnings allowed)"),
        (ExitCodes.Failure, "invalid configuration, a failed check, a failed tenant, or (deploy) a failed stage"),
        (ExitCodes.Usage, "usage error, or a file that cannot be read"),
        (ExitCodes.Cancelled, "cancelled by SIGINT or SIGTERM: nothing new started, work in flight finished or rolled back (a second signal aborts it), the report lists every tenant's state; rerun to finish"),
    ];

    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(4).PadRight(2)).AddColumn();
        foreach (var (code, meaning) in ExitCodeMeanings)
        {
            grid.AddRow(new Text(code.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(meaning));
        }
        return [.. base.GetFooter(model, command), new Text(Environment.NewLine), new Markup("[yellow]EXIT CODES:[/]"), new Text(Environment.NewLine), grid];
    }
}

/// <summary>A command as its help shows it: its own parameters, then the options of the branches above it.</summary>
internal sealed class WithInheritedOptions(ICommandInfo command) : ICommandInfo
{
    public string Name => command.Name;

    public string? Description => command.Description;

    public bool IsBranch => command.IsBranch;

    public bool IsDefaultCommand => command.IsDefaultCommand;

    public bool IsHidden => command.IsHidden;

    public IReadOnlyList<ICommandParameter> Parameters { get; } =
        [.. command.Parameters, .. Ancestors(command).SelectMany(parent => parent.Parameters.OfType<ICommandOption>())];

    public ICommandInfo? Parent => command.Parent;

    public IReadOnlyList<string[]> Examples => command.Examples;

    public IReadOnlyList<ICommandInfo> Commands => command.Commands;

    public ICommandInfo? DefaultCommand => command.DefaultCommand;

    private static IEnumerable<ICommandInfo> Ancestors(ICommandInfo command)
    {
        for (var parent = command.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }
}
