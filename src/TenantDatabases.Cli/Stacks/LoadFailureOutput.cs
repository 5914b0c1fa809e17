using Spectre.Console;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Stacks;

/// <summary>Prints why a stack did not load and gives the exit code: 2 for a missing input, 1 for invalid configuration or secrets.</summary>
public static class LoadFailureOutput
{
    /// <summary>Prints the errors of <paramref name="stack"/> and returns its exit code.</summary>
    public static int Report(IAnsiConsole console, LoadedStack stack)
    {
        foreach (var error in stack.Errors)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {SecretRedaction.Redact(error)}");
        }
        return stack.Status == StackLoadStatus.Unusable ? ExitCodes.Usage : ExitCodes.Failure;
    }

    /// <summary>Prints validation warnings of a loaded stack.</summary>
    public static void Warnings(IAnsiConsole console, LoadedStack stack)
    {
        foreach (var warning in stack.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]{warning}[/]");
        }
    }
}
