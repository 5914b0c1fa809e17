using System.Globalization;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// Reads typed values out of <see cref="ConfigValue"/>s, reporting a wrong shape as a problem. Values it
/// cannot read come back null so that reading goes on and every problem is found in one pass.
/// </summary>
internal sealed class ConfigValueReader(ProblemList problems)
{
    public ProblemList Problems => problems;

    /// <summary>Text of a scalar; null (and a problem) for a secret, a mapping or a list; null for YAML null.</summary>
    public string? Text(ConfigValue value, string path, SourceLocation? fallback)
    {
        switch (value)
        {
            case ConfigScalar scalar:
                return scalar.Text;
            case ConfigSecureValue:
                problems.Error(path, "This value is a secret, but only a password may be one.",
                    $"Set it as plain text: pulumi config set --path '{Unnamespaced(path)}' <value>.", value.Location ?? fallback);
                return null;
            default:
                problems.Error(path, "This must be a single value, not a mapping or a list.",
                    "Write it as 'key: value' on one line.", value.Location ?? fallback);
                return null;
        }
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>]; null when absent or wrong.</summary>
    public int? Integer(ConfigValue value, string path, SourceLocation? fallback, int min, int max, string rangeFix)
    {
        var text = Text(value, path, fallback);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            problems.Error(path, $"'{ProblemList.Shorten(text)}' is not a whole number.", rangeFix, value.Location ?? fallback);
            return null;
        }
        if (number < min || number > max)
        {
            problems.Error(path, $"{number} is out of range.", rangeFix, value.Location ?? fallback);
            return null;
        }
        return number;
    }

    /// <summary><c>true</c> or <c>false</c> (any case); null when absent or wrong.</summary>
    public bool? Boolean(ConfigValue value, string path, SourceLocation? fallback)
    {
        var text = Text(value, path, fallback);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text.Trim(), out var flag))
        {
            return flag;
        }
        problems.Error(path, $"'{ProblemList.Shorten(text)}' is not true or false.", "Write true or false.", value.Location ?? fallback);
        return null;
    }

    private static string Unnamespaced(string path) =>
        path.StartsWith(Model.ConfigDefaults.Namespace + ":", StringComparison.Ordinal)
            ? path[(Model.ConfigDefaults.Namespace.Length + 1)..]
            : path;
}

/// <summary>
/// Picks this project's keys out of a stack's top-level config keys. Like Pulumi, a key without a
/// namespace belongs to the project (<c>servers</c> is <c>tenant-databases:servers</c>); keys of other
/// namespaces (<c>aws:region</c>) are left alone.
/// </summary>
internal static class NamespaceKeys
{
    public static Dictionary<string, ConfigValue> Select(ConfigMap config, ConfigValueReader values)
    {
        var selected = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var (fullKey, value) in config.Entries)
        {
            if (ConfigKeys.ProjectKey(fullKey) is not { } key)
            {
                continue;
            }
            var path = ConfigPath.Of(key);
            if (!ConfigKeys.TopLevel.Contains(key))
            {
                KeyRules.Unknown(key, path, ConfigKeys.TopLevel, values.Problems, value.Location);
            }
            else if (!selected.TryAdd(key, value))
            {
                KeyRules.SetTwice(key, path, values.Problems, value.Location);
            }
        }
        return selected;
    }
}
