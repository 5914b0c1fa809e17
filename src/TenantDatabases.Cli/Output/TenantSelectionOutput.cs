using Spectre.Console;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Cli.Output;

/// <summary>How migrate and verify show the stack outputs they read: a warning about an exposed file, and every problem.</summary>
internal static class TenantSelectionOutput
{
    /// <summary>0 selected; 1 outputs that are not valid; 2 unreadable outputs or a filter that matches nothing.</summary>
    public static int ExitCode(TenantSelectionResult selection) =>
        selection.Succeeded ? ExitCodes.Success : selection.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>The warning to <paramref name="warnings"/> (stderr when stdout must stay one JSON document), problems to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, IAnsiConsole warnings, TenantSelectionResult selection)
    {
        if (selection.Warning is { } warning)
        {
            warnings.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
        foreach (var problem in selection.Problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Fleet.Secrets.SecretMask.Redact(problem)}");
        }
    }
}
