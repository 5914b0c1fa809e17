namespace TenantDatabases.Cli.Deploy;

/// <summary>The one line deploy shows for a stage: the last line of text the stage printed.</summary>
public static class StageSummaryLine
{
    /// <summary>
    /// The first <c>error:</c> line of a failed stage, else the last line of <paramref name="output"/> that
    /// reads as a sentence (not a table border), else just the outcome.
    /// </summary>
    public static string From(string output, int exitCode)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var line = (exitCode == ExitCodes.Success ? null : lines.FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)))
            ?? lines.LastOrDefault(IsSentence);
        var outcome = exitCode == ExitCodes.Success ? "passed" : $"failed (exit {exitCode})";
        return line is null ? outcome : $"{outcome}: {Shorten(line)}";
    }

    private static bool IsSentence(string line) =>
        !TableCharacters.Contains(line[0]) && line.Any(char.IsLetter);

    private const string TableCharacters = "│┌├└┐┘┤┬┴┼─╭╮╯╰═║|+-=";

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..157] + "...";
}
