using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>
/// Writes plain lines straight to the console's writer: no markup parsing and no wrapping at the
/// terminal width, so problem lines and JSON stay one greppable, parseable line each.
/// </summary>
internal static class ConsoleLines
{
    /// <summary>Writes <paramref name="text"/> and a line break.</summary>
    public static void WriteLine(IAnsiConsole console, string text = "") => console.Profile.Out.Writer.Write(text + "\n");
}
