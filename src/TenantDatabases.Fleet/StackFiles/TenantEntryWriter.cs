using System.Globalization;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Adds <c>tenants.&lt;id&gt;.server: &lt;server&gt;</c> (with any further keys of the entry) to stack file text as a
/// pure text insertion located with YamlDotNet's positions, so every other byte (comments, quoting, order) stays as it
/// was. Many entries are added in one insertion, so that adopting thousands of databases parses the file once.
/// </summary>
public static partial class TenantEntryWriter
{
    // A new tenants block is written with the namespace, as Pulumi writes keys.
    private static readonly string TenantsKey = ConfigPath.Of(ConfigKeys.Tenants);

    /// <summary>The text with the tenant added (with its required <paramref name="region"/> when given), or why it cannot be added.</summary>
    public static Result<string> AddTenant(string yamlText, string tenantId, string server, string? region = null) =>
        AddTenants(yamlText, [region is null
            ? new TenantEntry(tenantId, [(ConfigKeys.Server, server)])
            : new TenantEntry(tenantId, [(ConfigKeys.Server, server), (ConfigKeys.Region, region)])]);

    /// <summary>The text with every entry added after the existing tenants, in the order given, or why they cannot be added.</summary>
    public static Result<string> AddTenants(string yamlText, IReadOnlyList<TenantEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Result<string>.Of(yamlText);
        }
        if (entries.GroupBy(entry => entry.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            return Result<string>.Refused($"Tenant '{twice.Key}' would be added twice.");
        }
        var opened = YamlOpening.Open(yamlText);
        if (opened.Sentence is { } problem)
        {
            return Result<string>.Refused(problem);
        }
        var root = opened.Root;
        var newline = yamlText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string[] entry = [.. entries.SelectMany(Lines)];
        if (root is null or YamlScalarNode { IsNull: true })
        {
            return Insert(yamlText, yamlText.Length, newline, ["config:", $"  {TenantsKey}:", .. Indent(entry, 4)], newline);
        }
        if (root is not YamlMappingNode { IsFlow: false } top)
        {
            return Result<string>.Refused("The stack file is not a block mapping with a 'config:' key.");
        }
        var config = top.Entries.FirstOrDefault(candidate => candidate.Key.Value == "config");
        if (config is null)
        {
            return Insert(yamlText, YamlTextPositions.NextLineStart(yamlText, YamlTextPositions.ContentEnd(top)), newline,
                ["config:", $"  {TenantsKey}:", .. Indent(entry, 4)], newline);
        }
        var configIndent = (int)config.Key.Start.Column - 1;
        switch (config.Value)
        {
            case YamlScalarNode { IsNull: true } or YamlMappingNode { IsFlow: true, Entries.Count: 0 }:
                return ReplaceEmpty(yamlText, config, newline, [$"{TenantsKey}:", .. Indent(entry, 2)], configIndent + 2);
            case YamlMappingNode { IsFlow: false } block:
                return AddToConfig(yamlText, block, entries, entry, newline);
            default:
                return Result<string>.Refused("'config:' is not a block mapping; write one key per line under it.");
        }
    }

    private static Result<string> AddToConfig(string yamlText, YamlMappingNode config, IReadOnlyList<TenantEntry> entries, string[] entry, string newline)
    {
        var keyIndent = (int)config.Entries[0].Key.Start.Column - 1;
        var tenants = config.Entries.FirstOrDefault(candidate => ConfigKeys.ProjectKey(candidate.Key.Value) == ConfigKeys.Tenants);
        if (tenants is null)
        {
            return Insert(yamlText, YamlTextPositions.NextLineStart(yamlText, YamlTextPositions.ContentEnd(config)), newline,
                Indent([$"{TenantsKey}:", .. Indent(entry, 2)], keyIndent), newline);
        }
        switch (tenants.Value)
        {
            case YamlScalarNode { IsNull: true } or YamlMappingNode { IsFlow: true, Entries.Count: 0 }:
                return ReplaceEmpty(yamlText, tenants, newline, entry, keyIndent + 2);
            case YamlMappingNode { IsFlow: false } block:
                var existing = block.Entries.Select(item => item.Key.Value).ToHashSet(StringComparer.Ordinal);
                if (entries.FirstOrDefault(added => existing.Contains(added.Id)) is { } present)
                {
                    return Result<string>.Refused($"Tenant '{present.Id}' is already in the stack file.");
                }
                var first = block.Entries[0];
                var tenantIndent = (int)first.Key.Start.Column - 1;
                var childIndent = first.Value is YamlMappingNode { IsFlow: false, Entries.Count: > 0 } inner
                    ? (int)inner.Entries[0].Key.Start.Column - 1 - tenantIndent
                    : 2;
                // An entry's key line starts at column 0 of its lines; its settings are indented as the file indents them.
                string[] lines = [.. entry.Select(line => line.StartsWith(' ') ? new string(' ', childIndent) + line.TrimStart() : line)];
                return Insert(yamlText, YamlTextPositions.NextLineStart(yamlText, YamlTextPositions.ContentEnd(block)), newline,
                    Indent(lines, tenantIndent), newline);
            default:
                return Result<string>.Refused("The tenants are not written as a block mapping; write one tenant per line to let add-tenant edit them.");
        }
    }

    // An empty value (nothing, ~, null or {}) is removed and the block is written below its key.
    private static Result<string> ReplaceEmpty(string yamlText, YamlMappingEntry entry, string newline, string[] lines, int indent)
    {
        var text = yamlText;
        if (entry.Value is YamlMappingNode or YamlScalarNode { Value.Length: > 0 })
        {
            var start = (int)entry.Value.Start.Index;
            var end = (int)entry.Value.End.Index;
            text = text[..start] + text[end..];
        }
        var lineEnd = YamlTextPositions.LineEnd(text, (int)entry.Key.End.Index);
        var block = string.Concat(Indent(lines, indent).Select(line => newline + line));
        return new Result<string>(text[..lineEnd] + block + text[lineEnd..], null);
    }

    private static Result<string> Insert(string yamlText, int index, string newline, IEnumerable<string> lines, string lineBreak)
    {
        var prefix = index > 0 && yamlText[index - 1] != '\n' ? newline : "";
        var block = prefix + string.Concat(lines.Select(line => line + lineBreak));
        return new Result<string>(yamlText[..index] + block + yamlText[index..], null);
    }

    private static string[] Indent(IEnumerable<string> lines, int spaces) =>
        lines.Select(line => new string(' ', spaces) + line).ToArray();

    // The entry's lines: its id at column 0, each setting indented by two (re-indented to the file's own indentation).
    private static IEnumerable<string> Lines(TenantEntry entry) =>
        [$"{Scalar(entry.Id)}:", .. entry.Settings.Select(setting => $"  {setting.Key}: {Value(setting.Value)}")];

    private static string Value(object value) => value switch
    {
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string text => Scalar(text),
        _ => throw new ArgumentException($"A tenant setting is text or a whole number, not {value.GetType().Name}.", nameof(value)),
    };

    // Safe ids and names are plain YAML unless YAML would read them as something other than text. Anything else is
    // double-quoted, with every character YAML would fold or that a terminal would act on escaped (names come from servers).
    private static string Scalar(string text) =>
        PlainText().IsMatch(text) && !ReservedWord().IsMatch(text) ? text : DoubleQuoted(text);

    private static string DoubleQuoted(string text)
    {
        var quoted = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            if (character is '"' or '\\')
            {
                quoted.Append('\\').Append(character);
            }
            else if (char.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format
                     or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                quoted.Append($"\\u{(int)character:X4}");
            }
            else
            {
                quoted.Append(character);
            }
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*\z")]
    private static partial Regex PlainText();

    [GeneratedRegex(@"^(y|n|yes|no|true|false|on|off|null)\z")]
    private static partial Regex ReservedWord();
}

/// <summary>A tenant entry to add to a stack file: its id and its settings in order, each a text or a whole number.</summary>
/// <param name="Id">The tenant id (the key under <c>tenants</c>).</param>
/// <param name="Settings">Its keys and values, <c>server</c> first.</param>
public sealed record TenantEntry(string Id, IReadOnlyList<(string Key, object Value)> Settings);
