using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

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
