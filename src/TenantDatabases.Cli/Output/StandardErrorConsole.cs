using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>
/// A plain console on stderr, for what a command prints beside a JSON document on stdout (logs, warnings), so
/// that stdout stays one document a pipeline can parse.
/// </summary>
internal static class StandardErrorConsole
{
    public static IAnsiConsole Create() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.No });
}
