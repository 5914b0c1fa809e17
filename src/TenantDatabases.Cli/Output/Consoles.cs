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
        Fitted(Trimmed(AnsiConsole.Create(new AnsiConsoleSettings()), Console.IsOutputRedirected), Console.IsOutputRedirected, Environment.GetEnvironmentVariable);

    /// <summary>A plain console on standard error.</summary>
    public static IAnsiConsole StandardError() =>
        Fitted(Trimmed(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.No }), Console.IsErrorRedirected),
            Console.IsErrorRedirected, Environment.GetEnvironmentVariable);

    // Tables and help pad every cell to the widest: in a file or a CI log that is a line of spaces up to the longest.
    // The capabilities were detected on the real writer already; only what is written changes.
    private static IAnsiConsole Trimmed(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            console.Profile.Out = new AnsiConsoleOutput(new TrailingSpaceTrimmingWriter(console.Profile.Out.Writer));
        }
        return console;
    }

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

/// <summary>
/// Where a command that prints a JSON document on stdout sends everything else (logs, warnings), so that stdout
/// stays one document a pipeline can parse.
/// </summary>
internal static class StandardErrorConsole
{
    /// <summary>stderr for JSON output, else <paramref name="console"/> itself.</summary>
    public static IAnsiConsole For(bool json, IAnsiConsole console) => json ? TerminalConsole.StandardError() : console;
}

/// <summary>
/// Writes plain lines straight to the console's writer: no markup parsing and no wrapping at the
/// terminal width, so problem lines and JSON stay one greppable, parseable line each.
/// </summary>
internal static class ConsoleLines
{
    /// <summary>Writes <paramref name="text"/> and a line break.</summary>
    public static void WriteLine(IAnsiConsole console, string text = "") => console.Profile.Out.Writer.Write(text + "\n");
}

/// <summary>Writes through to another writer, leaving out the spaces at the end of each line.</summary>
internal sealed class TrailingSpaceTrimmingWriter(TextWriter inner) : TextWriter
{
    // Spaces seen since the last other character: written before the next one, dropped before a line break.
    private int pendingSpaces;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write([value]);

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var spaces = text.Length - text.TrimStart(' ').Length;
            pendingSpaces += spaces;
            text = text[spaces..];
            if (text.Length == 0)
            {
                return;
            }
            if (text[0] is not ('\n' or '\r') && pendingSpaces > 0)
            {
                inner.Write(new string(' ', pendingSpaces));
            }
            pendingSpaces = 0;
            var next = text.IndexOf(' ');
            var end = next < 0 ? text.Length : next;
            inner.Write(text[..end]);
            text = text[end..];
        }
    }

    public override void Flush() => inner.Flush();
}
