namespace TenantDatabases.Fleet.StackFiles;

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
