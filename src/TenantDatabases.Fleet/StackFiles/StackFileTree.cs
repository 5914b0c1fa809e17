using System.Diagnostics.CodeAnalysis;
using System.Text;
using TenantDatabases.Fleet.Model;
using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Stack file text parsed for an in-place edit: the positioned tree, and the <c>tenant-databases:</c> keys found in
/// its <c>config:</c> block. The editors change bytes at these positions and nowhere else.
/// </summary>
internal sealed record StackFileTree(YamlMappingNode? Config, string? Problem)
{
    [MemberNotNullWhen(true, nameof(Config))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Config is not null && Problem is null;

    /// <summary>Parses <paramref name="yamlText"/>, which must hold a block <c>config:</c> mapping.</summary>
    public static StackFileTree Parse(string yamlText)
    {
        if (Encoding.UTF8.GetByteCount(yamlText) > StackFileReader.MaxFileBytes)
        {
            return new(null, $"The stack file is larger than the {StackFileReader.MaxFileBytes / (1024 * 1024)} MiB a stack file may hold.");
        }
        YamlNode? root;
        try
        {
            root = YamlTreeParser.ParseFirstDocument(yamlText);
        }
        catch (RefusedYamlException refused)
        {
            return new(null, $"Line {refused.Start.Line}, column {refused.Start.Column}: {refused.Problem} {refused.Fix}");
        }
        catch (YamlException error)
        {
            return new(null, $"The stack file is not valid YAML at line {error.Start.Line}, column {error.Start.Column}.");
        }
        return root is YamlMappingNode { IsFlow: false } top
               && top.Entries.FirstOrDefault(entry => entry.Key.Value == "config")?.Value is YamlMappingNode { IsFlow: false } config
            ? new(config, null)
            : new(null, "The stack file has no block 'config:' mapping.");
    }

    /// <summary>The value of <c>tenant-databases:&lt;key&gt;</c> (or the bare key, which Pulumi reads the same).</summary>
    public YamlNode? Key(string key) =>
        Config?.Entries.FirstOrDefault(entry => entry.Key.Value == $"{ConfigDefaults.Namespace}:{key}" || entry.Key.Value == key)?.Value;

    /// <summary>The entry <paramref name="name"/> of a mapping, or null.</summary>
    public static YamlMappingEntry? Entry(YamlNode? mapping, string name) =>
        (mapping as YamlMappingNode)?.Entries.FirstOrDefault(entry => entry.Key.Value == name);
}
