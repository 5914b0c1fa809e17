using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace TenantDatabases.Cli.Help;

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
