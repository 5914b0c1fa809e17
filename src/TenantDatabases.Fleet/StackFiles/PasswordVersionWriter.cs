using System.Globalization;
using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Sets <c>tenants.&lt;id&gt;.passwordVersion</c> in stack file text as a text edit located with YamlDotNet's
/// positions: the value is replaced where it is written, or one line is added below the tenant's last key.
/// Every other byte (comments, quoting, order) stays as it was.
/// </summary>
public static class PasswordVersionWriter
{
    /// <summary>The text with the tenant's password version set to <paramref name="version"/>, or why it cannot be set.</summary>
    public static StackFileEditResult Set(string yamlText, string tenantId, int version)
    {
        var tree = StackFileTree.Parse(yamlText);
        if (!tree.Succeeded)
        {
            return StackFileEditResult.Refused(tree.Problem);
        }
        var number = version.ToString(CultureInfo.InvariantCulture);
        var tenant = StackFileTree.Entry(tree.Key(ConfigKeys.Tenants), tenantId);
        if (tenant?.Value is not YamlMappingNode { IsFlow: false, Entries.Count: > 0 } settings)
        {
            return StackFileEditResult.Refused(tenant is null
                ? $"Tenant '{tenantId}' is not in the stack file's tenants."
                : $"Tenant '{tenantId}' is not written as a block mapping; write one key per line under it.");
        }
        if (StackFileTree.Entry(settings, ConfigKeys.PasswordVersion) is { } existing)
        {
            if (existing.Value is not YamlScalarNode { IsNull: false } value)
            {
                return StackFileEditResult.Refused($"tenants.{tenantId}.{ConfigKeys.PasswordVersion} is not a plain number.");
            }
            return new StackFileEditResult(yamlText[..(int)value.Start.Index] + number + yamlText[(int)value.End.Index..], null);
        }
        var indent = (int)settings.Entries[0].Key.Start.Column - 1;
        var at = YamlTextPositions.NextLineStart(yamlText, YamlTextPositions.EntryEnd(settings.Entries[^1]));
        var newline = yamlText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var before = at > 0 && yamlText[at - 1] != '\n' ? newline : "";
        var line = $"{before}{new string(' ', indent)}{ConfigKeys.PasswordVersion}: {number}{newline}";
        return new StackFileEditResult(yamlText[..at] + line + yamlText[at..], null);
    }
}
