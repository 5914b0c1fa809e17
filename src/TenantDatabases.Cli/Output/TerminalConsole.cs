using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>
/// The consoles of the real process. Written to a CI log or a pipe, Spectre would wrap tables and lines at a
/// guessed 80 columns; there the width is <c>COLUMNS</c> when set, else wide enough that nothing wraps.
/// </summary>
internal static class TerminalConsole
{
    /// <summary>The width of redirected output without <c>COLUMNS</c>: no table row or message of this tool is wider.</summary>
    public const int RedirectedWidth = 4096;

    /// <summary>The console on standard output.</summary>
    public static IAnsiConsole StandardOutput() =>
        Fitted(AnsiConsole.Create(new AnsiConsoleSettings()), Console.IsOutputRedirected, Environment.GetEnvironmentVariable);

    /// <summary>A plain console on standard error.</summary>
    public static IAnsiConsole StandardError() =>
        Fitted(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.No }),
            Console.IsErrorRedirected, Environment.GetEnvironmentVariable);

    /// <summary>Gives a redirected <paramref name="console"/> the width of <c>COLUMNS</c>, else <see cref="RedirectedWidth"/>.</summary>
    public static IAnsiConsole Fitted(IAnsiConsole console, bool redirected, Func<string, string?> environment)
    {
        if (redirected)
        {
            console.Profile.Width = int.TryParse(environment("COLUMNS"), out var columns) && columns > 0 ? columns : RedirectedWidth;
        }
        return console;
    }
}
