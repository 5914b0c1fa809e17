using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>
/// Where a command that prints a JSON document on stdout sends everything else (logs, warnings), so that stdout
/// stays one document a pipeline can parse.
/// </summary>
internal static class StandardErrorConsole
{
    /// <summary>stderr for JSON output, else <paramref name="console"/> itself.</summary>
    public static IAnsiConsole For(bool json, IAnsiConsole console) => json ? TerminalConsole.StandardError() : console;
}
