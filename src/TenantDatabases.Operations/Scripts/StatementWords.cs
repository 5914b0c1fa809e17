using System.Text;

namespace TenantDatabases.Operations.Scripts;

/// <summary>
/// A statement reduced to its words: comments dropped, string literals, quoted identifiers and dollar-quoted
/// bodies emptied, upper case, single spaces. Keywords inside a literal or comment can then not be mistaken for
/// the statement's own (<c>WHERE note = 'IF NOT EXISTS'</c>).
/// </summary>
internal static class StatementWords
{
    /// <summary>
    /// The statements of a whole script as <see cref="Of"/> reduces them, split at each top-level ';' (never one in a
    /// comment, a literal, a dollar-quoted body or a SQL-standard <c>BEGIN ATOMIC … END</c> function body); empty ones left out.
    /// </summary>
    public static IReadOnlyList<string> Statements(string script)
    {
        var words = Of(script);
        var statements = new List<string>();
        var start = 0;
        var depth = 0; // inside BEGIN ATOMIC … END of a CREATE FUNCTION or PROCEDURE, as psql counts it
        string? first = null;
        string? previous = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == ';' && depth == 0)
            {
                Add(statements, words[start..i]);
                (start, first, previous) = (i + 1, null, null);
                continue;
            }
            if (!IsWordCharacter(words[i]) || (i > 0 && IsWordCharacter(words[i - 1])))
            {
                continue;
            }
            var end = i;
            while (end < words.Length && IsWordCharacter(words[end]))
            {
                end++;
            }
            var word = words[i..end];
            first ??= word;
            if (first == "CREATE")
            {
                depth += (word, previous, depth) switch
                {
                    ("ATOMIC", "BEGIN", _) => 1,
                    ("BEGIN" or "CASE", _, > 0) => 1,
                    ("END", _, > 0) => -1,
                    _ => 0,
                };
            }
            previous = word;
        }
        Add(statements, words[start..]);
        return statements;
    }

    /// <summary>
    /// The first statement of <paramref name="statements"/> that begins, ends or marks a transaction itself (BEGIN,
    /// START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE TRANSACTION), or null.
    /// </summary>
    public static string? TransactionControl(IEnumerable<string> statements) => statements.FirstOrDefault(statement =>
        statement.Split(' ', 3) switch
        {
            ["BEGIN" or "COMMIT" or "END" or "ROLLBACK" or "ABORT" or "SAVEPOINT" or "RELEASE", ..] => true,
            ["START" or "PREPARE", "TRANSACTION", ..] => true,
            _ => false,
        });

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static void Add(List<string> statements, string statement)
    {
        var trimmed = statement.Trim();
        if (trimmed.Length > 0)
        {
            statements.Add(trimmed);
        }
    }

    /// <summary>One statement (or a whole script) reduced to its words.</summary>
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
