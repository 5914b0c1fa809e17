using Spectre.Console;

namespace TenantDatabases.Cli.Stacks;

/// <summary>Prints why a stack did not load (configuration problems as <c>tenantdb validate</c> prints them) and its warnings.</summary>
public static class LoadFailureOutput
{
    /// <summary>Prints the problems and errors of <paramref name="stack"/> and returns its exit code.</summary>
    public static int Report(IAnsiConsole console, ConnectableStack stack)
    {
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
        foreach (var error in stack.Errors)
        {
            ConsoleLines.WriteLine(console, $"error: {SecretRedaction.Redact(error)}");
        }
        return stack.ExitCode;
    }

    /// <summary>Prints the configuration warnings of a loaded stack.</summary>
    public static void Warnings(IAnsiConsole console, ConnectableStack stack) =>
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
}
