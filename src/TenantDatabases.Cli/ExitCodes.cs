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

/// <summary>Spectre's help, followed by the exit codes every command shares.</summary>
internal sealed class ExitCodeHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
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
