using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

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
            var colon = fullKey.IndexOf(':');
            if (colon >= 0 && fullKey[..colon] != ConfigDefaults.Namespace)
            {
                continue;
            }
            var key = colon >= 0 ? fullKey[(colon + 1)..] : fullKey;
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
