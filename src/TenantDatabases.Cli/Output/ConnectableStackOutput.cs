using Spectre.Console;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Output;

/// <summary>Prints why a stack did not load (configuration problems as <c>tenantdb validate</c> prints them) and its warnings.</summary>
internal static class ConnectableStackOutput
{
    /// <summary>0 loaded; 1 invalid configuration or secrets that do not decrypt; 2 a missing or unreadable input.</summary>
    public static int ExitCode(ConnectableStackResult stack) =>
        stack.Succeeded ? ExitCodes.Success : stack.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>Prints the problems of <paramref name="stack"/> and returns its exit code.</summary>
    public static int Refused(IAnsiConsole console, ConnectableStackResult stack)
    {
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
        if (stack.Problem is { } problem)
        {
            ProblemOutput.WriteError(console, problem);
        }
        return ExitCode(stack);
    }

    /// <summary>Prints the configuration warnings of a loaded stack.</summary>
    public static void Warnings(IAnsiConsole console, ConnectableStackResult stack) =>
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
}
