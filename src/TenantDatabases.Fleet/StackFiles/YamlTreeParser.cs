using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Builds a positioned <see cref="YamlNode"/> tree from YAML text with YamlDotNet's event parser.
/// Throws <see cref="YamlException"/> (with its position) on malformed YAML, a duplicate key or a
/// non-scalar key; the reader turns that into a problem.
/// </summary>
internal static class YamlTreeParser
{
    /// <summary>The first document's root, or null for an empty stream.</summary>
    public static YamlNode? ParseFirstDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return null;
        }
        var root = ParseNode(parser, anchors);
        parser.Consume<DocumentEnd>();
        // Let the scanner look at the rest of the stream, so trailing garbage is reported too.
        while (parser.MoveNext())
        {
        }
        return root;
    }

    // Stack files nest four levels deep; a limit keeps hostile nesting from exhausting the stack.
    private const int MaxDepth = 64;

    private static YamlNode ParseNode(IParser parser, Dictionary<string, YamlNode> anchors, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, $"The YAML nests deeper than {MaxDepth} levels.");
        }
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value.Value} names no anchor.");
        }
        YamlNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new YamlScalarNode(scalar.Value, scalar.Style, scalar.Start, scalar.End);
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            node = ParseMapping(parser, anchors, mappingStart, depth);
            anchor = mappingStart.Anchor;
        }
        else
        {
            var sequenceStart = parser.Consume<SequenceStart>();
            node = ParseSequence(parser, anchors, sequenceStart, depth);
            anchor = sequenceStart.Anchor;
        }
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
        return node;
    }

    private static YamlSequenceNode ParseSequence(IParser parser, Dictionary<string, YamlNode> anchors, SequenceStart start, int depth)
    {
        var items = new List<YamlNode>();
        while (true)
        {
            if (parser.TryConsume<SequenceEnd>(out var end))
            {
                var isFlow = start.Style == SequenceStyle.Flow;
                return new YamlSequenceNode(items, isFlow, start.Start, isFlow ? PastClosingBracket(end) : end.End);
            }
            items.Add(ParseNode(parser, anchors, depth + 1));
        }
    }

    private static YamlMappingNode ParseMapping(IParser parser, Dictionary<string, YamlNode> anchors, MappingStart start, int depth)
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
            if (ParseNode(parser, anchors, depth + 1) is not YamlScalarNode key)
            {
                var at = parser.Current?.Start ?? start.Start;
                throw new YamlException(at, at, "A mapping key must be a plain value, not a mapping or a list.");
            }
            if (!seen.Add(key.Value))
            {
                throw new YamlException(key.Start, key.End, $"Duplicate key '{key.Value}'.");
            }
            entries.Add(new YamlMappingEntry(key, ParseNode(parser, anchors, depth + 1)));
        }
    }

    // A flow collection's end event stands on its closing bracket; the node ends just past it.
    private static Mark PastClosingBracket(ParsingEvent end) => new(end.Start.Index + 1, end.Start.Line, end.Start.Column + 1);
}
