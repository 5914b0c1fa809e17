using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
        var opened = YamlOpening.Open(yamlText);
        if (opened.Sentence is { } problem)
        {
            return new(null, problem);
        }
        var root = opened.Root;
        return root is YamlMappingNode { IsFlow: false } top
               && top.Entries.FirstOrDefault(entry => entry.Key.Value == "config")?.Value is YamlMappingNode { IsFlow: false } config
            ? new(config, null)
            : new(null, "The stack file has no block 'config:' mapping.");
    }

    /// <summary>The value of <c>tenant-databases:&lt;key&gt;</c> (or the bare key, which Pulumi reads the same).</summary>
    public YamlNode? Key(string key) =>
        Config?.Entries.FirstOrDefault(entry => ConfigKeys.ProjectKey(entry.Key.Value) == key)?.Value;

    /// <summary>The entry <paramref name="name"/> of a mapping, or null.</summary>
    public static YamlMappingEntry? Entry(YamlNode? mapping, string name) =>
        (mapping as YamlMappingNode)?.Entries.FirstOrDefault(entry => entry.Key.Value == name);
}

/// <summary>
/// Sets <c>tenants.&lt;id&gt;.passwordVersion</c> in stack file text as a text edit located with YamlDotNet's
/// positions: the value is replaced where it is written, or one line is added below the tenant's last key.
/// Every other byte (comments, quoting, order) stays as it was.
/// </summary>
public static class PasswordVersionWriter
{
    /// <summary>The text with the tenant's password version set to <paramref name="version"/>, or why it cannot be set.</summary>
    public static Result<string> Set(string yamlText, string tenantId, int version)
    {
        var tree = StackFileTree.Parse(yamlText);
        if (!tree.Succeeded)
        {
            return Result<string>.Refused(tree.Problem);
        }
        var number = version.ToString(CultureInfo.InvariantCulture);
        var tenant = StackFileTree.Entry(tree.Key(ConfigKeys.Tenants), tenantId);
        if (tenant?.Value is not YamlMappingNode { IsFlow: false, Entries.Count: > 0 } settings)
        {
            return Result<string>.Refused(tenant is null
                ? $"Tenant '{tenantId}' is not in the stack file's tenants."
                : $"Tenant '{tenantId}' is not written as a block mapping; write one key per line under it.");
        }
        if (StackFileTree.Entry(settings, ConfigKeys.PasswordVersion) is { } existing)
        {
            if (existing.Value is not YamlScalarNode { IsNull: false } value)
            {
                return Result<string>.Refused($"tenants.{tenantId}.{ConfigKeys.PasswordVersion} is not a plain number.");
            }
            return new Result<string>(yamlText[..(int)value.Start.Index] + number + yamlText[(int)value.End.Index..], null);
        }
        var indent = (int)settings.Entries[0].Key.Start.Column - 1;
        var at = YamlTextPositions.NextLineStart(yamlText, YamlTextPositions.EntryEnd(settings.Entries[^1]));
        var newline = yamlText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var before = at > 0 && yamlText[at - 1] != '\n' ? newline : "";
        var line = $"{before}{new string(' ', indent)}{ConfigKeys.PasswordVersion}: {number}{newline}";
        return new Result<string>(yamlText[..at] + line + yamlText[at..], null);
    }
}

/// <summary>
/// Replaces the <c>secure:</c> value of <c>servers.&lt;name&gt;.password</c> in stack file text, where it is
/// written and in the quotes it is written in: every other byte of the file stays as it was.
/// </summary>
public static class ServerPasswordWriter
{
    /// <summary>The text with the server's password ciphertext replaced by <paramref name="ciphertext"/>, or why it cannot be.</summary>
    public static Result<string> ReplaceSecure(string yamlText, string server, string ciphertext)
    {
        if (ciphertext.Any(character => !(char.IsAsciiLetterOrDigit(character) || character is ':' or '+' or '/' or '=')))
        {
            throw new ArgumentException("A secure value is base64 text and ':' only.", nameof(ciphertext));
        }
        var tree = StackFileTree.Parse(yamlText);
        if (!tree.Succeeded)
        {
            return Result<string>.Refused(tree.Problem);
        }
        var password = StackFileTree.Entry(StackFileTree.Entry(tree.Key(ConfigKeys.Servers), server)?.Value, ConfigKeys.Password);
        if (StackFileTree.Entry(password?.Value, StackFile.SecureKey)?.Value is not YamlScalarNode { IsNull: false } secure)
        {
            return Result<string>.Refused(
                $"servers.{server}.password is not a 'secure:' value in the stack file. Set it once with: {ServerPasswordCommand.For(server)}.");
        }
        var start = (int)secure.Start.Index;
        var end = (int)secure.End.Index;
        // A quoted value keeps its quotes: only what is between them changes.
        if (secure.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            start++;
            end--;
        }
        return new Result<string>(yamlText[..start] + ciphertext + yamlText[end..], null);
    }
}
