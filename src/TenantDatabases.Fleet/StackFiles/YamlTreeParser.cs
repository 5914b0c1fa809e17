using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TenantDatabases.Fleet.StackFiles;

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
