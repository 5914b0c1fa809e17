using System.Text;

namespace TenantDatabases.Testing.Fuzzing;

/// <summary>
/// Turns valid inputs into hostile variants, reproducibly (one seed, one sequence of cases): bytes,
/// lines, indentation, value types, duplicated keys and blocks, unicode, and the syntax of the format
/// (<see cref="TextDialect"/>), such as YAML anchors and aliases.
/// </summary>
public sealed class TextMutator(int seed, TextDialect dialect)
{
    // Unicode that has broken parsers: NUL, BOM, bidi override, lone surrogates, astral, NEL and LS
    // line breaks, non-ASCII digits (which \d matches), a no-break space and a combining mark.
    private static readonly string[] Unicode =
        ["\0", "\uFEFF", "\u202E", "\uD800", "\uDC00", "🦄", "\u0085", "\u2028", "é", "\u0663", "\uFF11", "\u00A0", "e\u0301", "\r", "\t", "\u001B[31m"];

    private readonly Random random = new(seed);

    /// <summary>A variant of one of <paramref name="seeds"/> with one to four mutations.</summary>
    public string Next(IReadOnlyList<string> seeds)
    {
        var text = seeds[random.Next(seeds.Count)];
        var count = random.Next(1, 5);
        for (var step = 0; step < count; step++)
        {
            text = Mutate(text);
        }
        return text;
    }

    private string Mutate(string text) => random.Next(13) switch
    {
        0 => InsertAt(text, ((char)random.Next(0, 128)).ToString()),
        1 => DeleteSpan(text, random.Next(1, 9)),
        2 => FlipUtf8Bit(text),
        3 => InsertAt(text, Pick(Unicode)),
        4 => InsertAt(text, Pick(dialect.Fragments)),
        5 => EditLines(text, lines => lines.RemoveAt(random.Next(lines.Count))),
        6 => EditLines(text, lines => { var at = random.Next(lines.Count); lines.Insert(at, lines[at]); }),
        7 => EditLines(text, SwapTwoLines),
        8 => EditLines(text, Reindent),
        9 => EditLines(text, ReplaceValue),
        10 => DuplicateBlock(text),
        11 => text[..random.Next(text.Length + 1)],
        _ => EditLines(text, lines => { var at = random.Next(lines.Count); lines[at] = lines[at] + Pick(dialect.Values); }),
    };

    private string Pick(IReadOnlyList<string> choices) => choices[random.Next(choices.Count)];

    private string InsertAt(string text, string insertion)
    {
        var at = random.Next(text.Length + 1);
        return text[..at] + insertion + text[at..];
    }

    private string DeleteSpan(string text, int length)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var at = random.Next(text.Length);
        return text.Remove(at, Math.Min(length, text.Length - at));
    }

    // Bytes as a file holds them: a flipped bit can make invalid UTF-8, read back with replacement characters.
    private string FlipUtf8Bit(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return text;
        }
        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return Encoding.UTF8.GetString(bytes);
    }

    private string EditLines(string text, Action<List<string>> edit)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0)
        {
            edit(lines);
        }
        return string.Join('\n', lines);
    }

    private void SwapTwoLines(List<string> lines)
    {
        var (first, second) = (random.Next(lines.Count), random.Next(lines.Count));
        (lines[first], lines[second]) = (lines[second], lines[first]);
    }

    private void Reindent(List<string> lines)
    {
        var at = random.Next(lines.Count);
        var body = lines[at].TrimStart(' ');
        var indent = Math.Max(0, lines[at].Length - body.Length + random.Next(-4, 5));
        lines[at] = (random.Next(8) == 0 ? "\t" : "") + new string(' ', indent) + body;
    }

    // Changes a value's type (a number becomes a list, a text a mapping, …) and keeps the line's key.
    private void ReplaceValue(List<string> lines)
    {
        var at = random.Next(lines.Count);
        var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            var rest = lines[at][(colon + 2)..];
            var trailingComma = rest.TrimEnd().EndsWith(',') ? "," : "";
            lines[at] = lines[at][..(colon + 2)] + Pick(dialect.Values) + trailingComma;
        }
    }

    // A repeated block gives duplicated keys at every level, and long inputs.
    private string DuplicateBlock(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(400, text.Length - start) + 1);
        var block = text.Substring(start, length);
        return text[..start] + string.Concat(Enumerable.Repeat(block, random.Next(2, 6))) + text[start..];
    }
}
