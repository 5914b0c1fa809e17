using System.Text;
using System.Text.RegularExpressions;

namespace TenantDatabases.Cli.Tests.CommandTree;

/// <summary>One <c>tenantdb …</c> command line found in a workflow: where it is and its words after <c>tenantdb</c>.</summary>
public sealed record TenantDbInvocation(string Source, int Line, IReadOnlyList<string> Words)
{
    /// <summary>Where it is and what it says, for a failure message.</summary>
    public override string ToString() => $"{Source}:{Line}: tenantdb {string.Join(' ', Words)}";
}

/// <summary>Finds every <c>tenantdb</c> invocation in a workflow or a document (shell continuations joined).</summary>
public static partial class TenantDbInvocations
{
    /// <summary>Every invocation in <paramref name="text"/>, as <c>tenantdb</c> or <c>dotnet run --project src/TenantDatabases.Cli --</c>.</summary>
    public static IReadOnlyList<TenantDbInvocation> Extract(string source, string text)
    {
        var found = new List<TenantDbInvocation>();
        foreach (var (line, number) in LogicalLines(text))
        {
            // YAML and shell alike: a '#' at the start of a word begins a comment.
            var code = Comment().Split(line)[0];
            foreach (Match match in Invocation().Matches(code))
            {
                var words = Words(EndOfCommand().Split(match.Groups["rest"].Value)[0]);
                if (words.Count > 0)
                {
                    found.Add(new TenantDbInvocation(source, number, words));
                }
            }
        }
        return found;
    }

    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (current.Length == 0)
            {
                start = i + 1;
            }
            var line = lines[i];
            if (line.TrimEnd().EndsWith('\\'))
            {
                current.Append(line.TrimEnd()[..^1]).Append(' ');
                continue;
            }
            current.Append(line);
            yield return (current.ToString(), start);
            current.Clear();
        }
        if (current.Length > 0)
        {
            yield return (current.ToString(), start);
        }
    }

    /// <summary>Splits on white space, keeping quoted text together and dropping the quotes.</summary>
    private static List<string> Words(string text) =>
        [.. Word().Matches(text).Select(match => match.Value.Length > 1 && match.Value[0] is '"' or '\'' ? match.Value[1..^1] : match.Value)];

    [GeneratedRegex(@"(?:(?<![\w.-])tenantdb|--project\s+\S*TenantDatabases\.Cli\S*(?:\s+(?!--\s)\S+)*\s+--)[ \t]+(?<rest>.*)")]
    private static partial Regex Invocation();

    // A shell operator, redirection, comment or the end of a $( ) ends the command's own words.
    [GeneratedRegex(@"\s(?:\|\|?|&&|;|>>?|<|2>|#)|\)|`|;")]
    private static partial Regex EndOfCommand();

    [GeneratedRegex(@"(?:^|\s)#")]
    private static partial Regex Comment();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|\\S+")]
    private static partial Regex Word();
}
