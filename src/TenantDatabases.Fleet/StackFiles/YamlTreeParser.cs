using System.Globalization;
using System.Text;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Stack file text opened once, for reading and for editing alike: within the size bound, parsed into a positioned
/// tree with anchors and aliases refused; or the one problem that stopped it, with its position when it has one.
/// </summary>
/// <param name="Root">The first document's root; null for an empty file, and when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the text cannot be used: too large, malformed, an anchor or an alias.</param>
internal sealed record YamlOpening(YamlNode? Root, ConfigProblem? Problem)
{
    /// <summary>The config path of problems with the file as a whole (syntax, size, unreadable).</summary>
    public const string FileProblemPath = "yaml";

    /// <summary>Opens <paramref name="yamlText"/>; never throws for bad input.</summary>
    public static YamlOpening Open(string yamlText)
    {
        var size = Encoding.UTF8.GetByteCount(yamlText);
        if (size > StackFileReader.MaxFileBytes)
        {
            return new(null, TooLarge(size));
        }
        try
        {
            return new(YamlTreeParser.ParseFirstDocument(yamlText), null);
        }
        catch (RefusedYamlException refused)
        {
            return new(null, new ConfigProblem(ProblemSeverity.Error, FileProblemPath, refused.Problem, refused.Fix, YamlConfigValues.Location(refused.Start)));
        }
        catch (YamlException error)
        {
            return new(null, SyntaxProblem(error, yamlText));
        }
    }

    /// <summary>The problem as one sentence for an edit's refusal: where, what, and the fix.</summary>
    public string? Sentence => Problem is null ? null
        : Problem.Location is { } at ? $"Line {at.Line}, column {at.Column}: {Problem.Message} {Problem.Fix}"
        : Problem.Message;

    /// <summary>A file of <paramref name="size"/> bytes, past the bound. No location, like an unreadable file: the message carries the fix too.</summary>
    public static ConfigProblem TooLarge(long? size) => new(ProblemSeverity.Error, FileProblemPath,
        string.Create(CultureInfo.InvariantCulture,
            $"The stack file {(size is { } bytes ? $"is {bytes:N0} bytes, more" : "holds more")} than the {StackFileReader.MaxFileBytes:N0} bytes (4 MiB) a stack file may hold, so it was not read; ") +
        "check that it is the stack's settings file, and split a fleet this large across several stacks.",
        "Check that the file is the stack's settings file, and split a fleet this large across several stacks.");

    private static ConfigProblem SyntaxProblem(YamlException error, string yamlText)
    {
        // YamlDotNet prefixes its message with "(Line: …) - (Line: …): "; the location is kept separately.
        var message = error.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && prefixEnd >= 0)
        {
            message = message[(prefixEnd + 3)..];
        }
        return new ConfigProblem(ProblemSeverity.Error, FileProblemPath, $"The file is not valid YAML: {message.TrimEnd('.')}.",
            "Correct the YAML at this line and column (indent with spaces, one key per line, 'key: value').",
            message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstIndentingTab(yamlText) ?? YamlConfigValues.Location(error.Start) : YamlConfigValues.Location(error.Start));
    }

    // YamlDotNet reports a tab used as indentation at the start of the mapping; point at the tab instead.
    private static SourceLocation? FirstIndentingTab(string yamlText)
    {
        var lines = yamlText.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var indentation = lines[index].Length - lines[index].TrimStart(' ', '\t').Length;
            var tab = lines[index].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new SourceLocation(index + 1, tab + 1);
            }
        }
        return null;
    }
}

/// <summary>
/// Builds a positioned <see cref="YamlNode"/> tree from YAML text with YamlDotNet's event parser.
/// Throws <see cref="YamlException"/> (with its position) on malformed YAML, a duplicate key or a
/// non-scalar key, and <see cref="RefusedYamlException"/> on an anchor or an alias; the reader turns
/// either into a problem.
/// </summary>
/// <remarks>
/// Anchors and aliases are refused at the first event that carries one, so nothing is ever expanded:
/// ten nested levels of aliases each repeating the one below ten times ("billion laughs") would
/// otherwise expand to a billion nodes. Pulumi never writes them and a stack file needs none.
/// </remarks>
internal static class YamlTreeParser
{
    /// <summary>The first document's root, or null for an empty stream.</summary>
    public static YamlNode? ParseFirstDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return ParseFirstDocument(parser);
        }
        catch (Exception error) when (error is not YamlException)
        {
            // YamlDotNet's scanner throws InvalidOperationException on some malformed flow collections
            // (": {" then a plain scalar at column 1); it is malformed YAML like any other.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "The YAML cannot be read past this point (is a '{' or '[' left open?).", error);
        }
    }

    private static YamlNode? ParseFirstDocument(Parser parser)
    {
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return null;
        }
        var root = ParseNode(parser);
        parser.Consume<DocumentEnd>();
        // Let the scanner look at the rest of the stream, so trailing garbage is reported too.
        while (parser.MoveNext())
        {
        }
        return root;
    }

    // Stack files nest four levels deep; a limit keeps hostile nesting from exhausting the stack.
    private const int MaxDepth = 64;

    private const string AnchorFix = "Write the value out in full wherever it is used; stack files take no anchors (&name) or aliases (*name), and Pulumi never writes them.";

    private static YamlNode ParseNode(IParser parser, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, $"The YAML nests deeper than {MaxDepth} levels.");
        }
        switch (parser.Current)
        {
            case AnchorAlias alias:
                throw new RefusedYamlException(alias.Start, alias.End, "The file uses a YAML alias (*name); a stack file may not use aliases.", AnchorFix);
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new RefusedYamlException(anchored.Start, anchored.End, "The file uses a YAML anchor (&name); a stack file may not use anchors or aliases.", AnchorFix);
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalarNode(scalar.Value, scalar.Style, scalar.Start, scalar.End);
        }
        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return ParseMapping(parser, mappingStart, depth);
        }
        return ParseSequence(parser, parser.Consume<SequenceStart>(), depth);
    }

    private static YamlSequenceNode ParseSequence(IParser parser, SequenceStart start, int depth)
    {
        var items = new List<YamlNode>();
        while (true)
        {
            if (parser.TryConsume<SequenceEnd>(out var end))
            {
                var isFlow = start.Style == SequenceStyle.Flow;
                return new YamlSequenceNode(items, isFlow, start.Start, isFlow ? PastClosingBracket(end) : end.End);
            }
            items.Add(ParseNode(parser, depth + 1));
        }
    }

    private static YamlMappingNode ParseMapping(IParser parser, MappingStart start, int depth)
    {
        var entries = new List<YamlMappingEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (parser.TryConsume<MappingEnd>(out var end))
            {
                var isFlow = start.Style == MappingStyle.Flow;
                return new YamlMappingNode(entries, isFlow, start.Start, isFlow ? PastClosingBracket(end) : end.End);
            }
            if (ParseNode(parser, depth + 1) is not YamlScalarNode key)
            {
                var at = parser.Current?.Start ?? start.Start;
                throw new YamlException(at, at, "A mapping key must be a plain value, not a mapping or a list.");
            }
            if (!seen.Add(key.Value))
            {
                throw new YamlException(key.Start, key.End, $"Duplicate key '{key.Value}'.");
            }
            entries.Add(new YamlMappingEntry(key, ParseNode(parser, depth + 1)));
        }
    }

    // A flow collection's end event stands on its closing bracket; the node ends just past it.
    private static Mark PastClosingBracket(ParsingEvent end) => new(end.Start.Index + 1, end.Start.Line, end.Start.Column + 1);
}

/// <summary>A YAML node with its position in the text: the shape both the reader and the editor work on.</summary>
internal abstract record YamlNode(Mark Start, Mark End);

/// <summary>A scalar; <see cref="IsNull"/> for an empty, <c>~</c> or <c>null</c> plain scalar.</summary>
internal sealed record YamlScalarNode(string Value, ScalarStyle Style, Mark Start, Mark End) : YamlNode(Start, End)
{
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A mapping whose keys are scalars, in file order.</summary>
internal sealed record YamlMappingNode(IReadOnlyList<YamlMappingEntry> Entries, bool IsFlow, Mark Start, Mark End)
    : YamlNode(Start, End);

/// <summary>One key and its value.</summary>
internal sealed record YamlMappingEntry(YamlScalarNode Key, YamlNode Value);

/// <summary>A sequence.</summary>
internal sealed record YamlSequenceNode(IReadOnlyList<YamlNode> Items, bool IsFlow, Mark Start, Mark End)
    : YamlNode(Start, End);

/// <summary>
/// Well-formed YAML that a stack file may not use (an anchor or an alias), with its position and the fix;
/// thrown by <see cref="YamlTreeParser"/> before anything is expanded.
/// </summary>
internal sealed class RefusedYamlException(Mark start, Mark end, string message, string fix) : YamlException(start, end, message)
{
    /// <summary>How to write the file instead.</summary>
    public string Fix { get; } = fix;

    /// <summary>The message without YamlDotNet's "(Line: …)" prefix.</summary>
    public string Problem { get; } = message;
}

/// <summary>Where in YAML text an edit goes, from the positions of the parsed nodes.</summary>
internal static class YamlTextPositions
{
    /// <summary>The character index just past the last thing written inside <paramref name="node"/>.</summary>
    public static int ContentEnd(YamlNode node) => node switch
    {
        YamlMappingNode { IsFlow: false, Entries.Count: > 0 } mapping => EntryEnd(mapping.Entries[^1]),
        YamlSequenceNode { IsFlow: false, Items.Count: > 0 } sequence => ContentEnd(sequence.Items[^1]),
        _ => (int)node.End.Index,
    };

    /// <summary>The index just past an entry; an empty value is positioned at the next token, so its key counts instead.</summary>
    public static int EntryEnd(YamlMappingEntry entry) =>
        entry.Value is YamlScalarNode { Value: "", Style: YamlDotNet.Core.ScalarStyle.Plain }
            ? (int)entry.Key.End.Index
            : Math.Max((int)entry.Key.End.Index, ContentEnd(entry.Value));

    /// <summary>The index of the start of the line after <paramref name="index"/>, or the text's length.</summary>
    public static int NextLineStart(string text, int index)
    {
        if (index > 0 && index <= text.Length && text[index - 1] == '\n')
        {
            return index;
        }
        var newline = text.IndexOf('\n', Math.Min(index, text.Length));
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>The index of the end of the line holding <paramref name="index"/> (before its line break).</summary>
    public static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', Math.Min(index, text.Length));
        var end = newline < 0 ? text.Length : newline;
        return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
    }
}

/// <summary>
/// Turns a positioned YAML tree into <see cref="ConfigValue"/>s. A mapping or list takes the position
/// of its key (where an operator looks first); a scalar and a <c>secure:</c> ciphertext keep their own.
/// </summary>
internal static class YamlConfigValues
{
    public const string SecureKey = StackFile.SecureKey;

    public static ConfigValue From(YamlNode node, SourceLocation? keyLocation = null) => node switch
    {
        YamlScalarNode scalar => new ConfigScalar(scalar.IsNull ? null : scalar.Value, Location(scalar.Start)),
        YamlMappingNode { Entries: [{ Key.Value: SecureKey, Value: YamlScalarNode ciphertext }] } =>
            new ConfigSecureValue(ciphertext.Value, Location(ciphertext.Start)),
        YamlMappingNode mapping => new ConfigMap(
            mapping.Entries.Select(entry => new KeyValuePair<string, ConfigValue>(
                entry.Key.Value, From(entry.Value, Location(entry.Key.Start)))).ToList(),
            keyLocation ?? Location(mapping.Start)),
        YamlSequenceNode sequence => new ConfigList(
            sequence.Items.Select(item => From(item)).ToList(), keyLocation ?? Location(sequence.Start)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static SourceLocation Location(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
