namespace TenantDatabases.Cli;

/// <summary>
/// Spectre reads a lone <c>-</c> after an option as a nameless option, so <c>--outputs -</c> (standard
/// input, as the command contract has it) would be a usage error; this joins it as <c>--outputs=-</c>.
/// </summary>
internal static class StandardInputValue
{
    /// <summary><paramref name="args"/> with every <c>--option -</c> pair written as <c>--option=-</c>.</summary>
    public static string[] Attach(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2 && !args[i].Contains('=')
                && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add(args[i] + "=-");
                i++;
                continue;
            }
            result.Add(args[i]);
        }
        return [.. result];
    }
}
