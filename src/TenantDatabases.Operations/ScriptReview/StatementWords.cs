using System.Text.RegularExpressions;
using System.Text;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// A statement reduced to its words: comments dropped, string literals, quoted identifiers and dollar-quoted
/// bodies emptied, upper case, single spaces. Keywords inside a literal or comment can then not be mistaken for
/// the statement's own (<c>WHERE note = 'IF NOT EXISTS'</c>).
/// </summary>
internal static class StatementWords
{
    public static string Of(string statement)
    {
        var words = new StringBuilder(statement.Length);
        var i = 0;
        while (i < statement.Length)
        {
            var c = statement[i];
            var next = i + 1 < statement.Length ? statement[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                i = statement.IndexOf('\n', i) is var end and >= 0 ? end : statement.Length;
                words.Append(' ');
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(statement, i);
                words.Append(' ');
            }
            else if (c is '\'' or '"')
            {
                var escapes = c == '\'' && i > 0 && statement[i - 1] is 'E' or 'e';
                i = SkipQuoted(statement, i, c, escapes);
                words.Append(c).Append(c);
            }
            else if (c == '$' && DollarTag(statement, i) is { } tag)
            {
                var close = statement.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = close < 0 ? statement.Length : close + tag.Length;
                words.Append("$$");
            }
            else
            {
                words.Append(char.IsWhiteSpace(c) ? ' ' : char.ToUpperInvariant(c));
                i++;
            }
        }
        return string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int SkipBlockComment(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length - 1; i++)
        {
            if (text[i] == '/' && text[i + 1] == '*')
            {
                depth++;
                i++;
            }
            else if (text[i] == '*' && text[i + 1] == '/' && --depth == 0)
            {
                return i + 2;
            }
        }
        return text.Length;
    }

    private static int SkipQuoted(string text, int start, char quote, bool backslashEscapes)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (backslashEscapes && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return text.Length;
    }

    // "$tag$" or "$$" opening a dollar-quoted body; "$1" (a parameter) and "a$b" (part of a name) are not.
    private static string? DollarTag(string text, int start)
    {
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            return null;
        }
        var end = start + 1;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '_' || (end > start + 1 && char.IsDigit(text[end]))))
        {
            end++;
        }
        return end < text.Length && text[end] == '$' ? text[start..(end + 1)] : null;
    }
}

/// <summary>
/// Which statements of a <c>-- tenantdb:no-transaction</c> script cannot safely run twice, read from their text
/// alone (docs/migrations.md lists the rules). Such a script is journaled after its last statement, so a failure
/// part-way makes the next run repeat the statements that had already succeeded.
/// </summary>
internal static partial class RetrySafety
{
    /// <summary>Why <paramref name="words"/> (see <see cref="StatementWords"/>) cannot be repeated safely, or null when it can or cannot be told.</summary>
    public static string? Hazard(string words)
    {
        if (DataChange().IsMatch(words))
        {
            return "changes rows, and would change them again";
        }
        if (words.StartsWith("CREATE ", StringComparison.Ordinal))
        {
            return ConcurrentIndexIfNotExists().IsMatch(words) ? "keeps an INVALID index an interrupted build left behind (IF NOT EXISTS finds it)"
                : words.Contains(" IF NOT EXISTS ", StringComparison.Ordinal) || words.StartsWith("CREATE OR REPLACE ", StringComparison.Ordinal) ? null
                : "fails when the object exists";
        }
        if (words.StartsWith("DROP ", StringComparison.Ordinal))
        {
            return words.Contains(" IF EXISTS", StringComparison.Ordinal) ? null : "fails when the object is gone";
        }
        if (words.StartsWith("ALTER ", StringComparison.Ordinal))
        {
            return AlterRename().IsMatch(words) ? "renames, and fails the second time"
                : AlterAdd().IsMatch(words) ? "adds without IF NOT EXISTS, and fails the second time"
                : AlterDrop().IsMatch(words) ? "drops without IF EXISTS, and fails the second time"
                : AlterPartition().IsMatch(words) ? "attaches or detaches a partition, and fails the second time"
                : null;
        }
        return null;
    }

    [GeneratedRegex(@"^(WITH .*\b)?(INSERT|UPDATE|DELETE|MERGE|COPY)\b")]
    private static partial Regex DataChange();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS\b")]
    private static partial Regex ConcurrentIndexIfNotExists();

    [GeneratedRegex(@"\bRENAME\b")]
    private static partial Regex AlterRename();

    [GeneratedRegex(@"\bADD (?!((COLUMN|VALUE) )?IF NOT EXISTS\b)")]
    private static partial Regex AlterAdd();

    [GeneratedRegex(@"\bDROP (?!((COLUMN|CONSTRAINT) )?IF EXISTS\b|DEFAULT\b|NOT NULL\b|EXPRESSION\b|IDENTITY\b)")]
    private static partial Regex AlterDrop();

    [GeneratedRegex(@"\b(ATTACH|DETACH) PARTITION\b")]
    private static partial Regex AlterPartition();
}
