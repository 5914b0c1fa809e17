using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Adds <c>tenants.&lt;id&gt;.server: &lt;server&gt;</c> to stack file text as a pure text insertion located
/// with YamlDotNet's positions, so every other byte (comments, quoting, order) stays as it was.
/// </summary>
public static partial class TenantEntryWriter
{
    // A new tenants block is written with the namespace, as Pulumi writes keys.
    private static readonly string TenantsKey = ConfigPath.Of(ConfigKeys.Tenants);

    /// <summary>The text with the tenant added (with its required <paramref name="region"/> when given), or why it cannot be added.</summary>
    public static Result<string> AddTenant(string yamlText, string tenantId, string server, string? region = null)
    {
        var opened = YamlOpening.Open(yamlText);
        if (opened.Sentence is { } problem)
        {
            return Result<string>.Refused(problem);
        }
        var root = opened.Root;
        var newline = yamlText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string[] entry = region is null
            ? [$"{Scalar(tenantId)}:", $"  {ConfigKeys.Server}: {Scalar(server)}"]
            : [$"{Scalar(tenantId)}:", $"  {ConfigKeys.Server}: {Scalar(server)}", $"  {ConfigKeys.Region}: {Scalar(region)}"];
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
                return AddToConfig(yamlText, block, tenantId, entry, newline);
            default:
                return Result<string>.Refused("'config:' is not a block mapping; write one key per line under it.");
        }
    }

    private static Result<string> AddToConfig(string yamlText, YamlMappingNode config, string tenantId, string[] entry, string newline)
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
                if (block.Entries.Any(existing => existing.Key.Value == tenantId))
                {
                    return Result<string>.Refused($"Tenant '{tenantId}' is already in the stack file.");
                }
                var first = block.Entries[0];
                var tenantIndent = (int)first.Key.Start.Column - 1;
                var childIndent = first.Value is YamlMappingNode { IsFlow: false, Entries.Count: > 0 } inner
                    ? (int)inner.Entries[0].Key.Start.Column - 1 - tenantIndent
                    : 2;
                string[] lines = [entry[0], .. entry.Skip(1).Select(line => new string(' ', childIndent) + line.TrimStart())];
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

    // Safe ids and names are plain YAML unless YAML would read them as something other than text.
    private static string Scalar(string text) =>
        PlainText().IsMatch(text) && !ReservedWord().IsMatch(text) ? text : $"\"{text.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*\z")]
    private static partial Regex PlainText();

    [GeneratedRegex(@"^(y|n|yes|no|true|false|on|off|null)\z")]
    private static partial Regex ReservedWord();
}
