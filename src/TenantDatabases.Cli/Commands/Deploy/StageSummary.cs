namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>The one line deploy shows for a stage: its outcome and the line its result is summed up in.</summary>
internal static class StageSummary
{
    /// <summary>"passed: …" or "failed (exit N): …" with the first line of <paramref name="line"/>, shortened; just the outcome without one.</summary>
    public static string From(int exitCode, string? line)
    {
        var outcome = exitCode switch
        {
            ExitCodes.Success => "passed",
            ExitCodes.Cancelled => $"cancelled (exit {exitCode})",
            _ => $"failed (exit {exitCode})",
        };
        var first = line?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null ? outcome : $"{outcome}: {Shorten(first)}";
    }

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..157] + "...";
}
