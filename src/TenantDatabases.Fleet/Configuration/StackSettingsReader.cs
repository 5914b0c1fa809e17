using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>Reads <c>protect</c>, <c>residency</c>, <c>databasePrefix</c> and <c>locale</c>.</summary>
internal static partial class StackSettingsReader
{
    public static StackSettings Read(IReadOnlyDictionary<string, ConfigValue> keys, ConfigValueReader values)
    {
        var defaults = StackSettings.Defaults;
        var protect = keys.TryGetValue(ConfigKeys.Protect, out var protectValue)
            ? values.Boolean(protectValue, ConfigPath.Of(ConfigKeys.Protect), null) ?? defaults.Protect
            : defaults.Protect;
        var residency = keys.TryGetValue(ConfigKeys.Residency, out var residencyValue)
            ? ReadResidency(residencyValue, values)
            : defaults.Residency;
        var prefix = defaults.DatabasePrefix;
        if (keys.TryGetValue(ConfigKeys.DatabasePrefix, out var prefixValue))
        {
            var path = ConfigPath.Of(ConfigKeys.DatabasePrefix);
            var text = values.Text(prefixValue, path, null);
            if (text is not null && PrefixPattern().IsMatch(text))
            {
                prefix = text;
            }
            else if (text is not null)
            {
                values.Problems.Error(path, $"'{ConfigValueReader.Shorten(text)}' is not a safe name prefix.",
                    "Use 1-30 lower-case letters, digits or '_', starting with a letter or '_' (e.g. tenant_).", prefixValue.Location);
            }
        }
        string? locale = null;
        if (keys.TryGetValue(ConfigKeys.Locale, out var localeValue))
        {
            var path = ConfigPath.Of(ConfigKeys.Locale);
            locale = values.Text(localeValue, path, null);
            if (locale is not null && !LocalePattern().IsMatch(locale))
            {
                values.Problems.Error(path, $"'{ConfigValueReader.Shorten(locale)}' is not a locale name.",
                    "Use a name like en_US.UTF-8 or C, or remove the key to keep the server's locale.", localeValue.Location);
                locale = null;
            }
        }
        return new StackSettings(protect, residency, prefix, locale);
    }

    private static IReadOnlyList<string> ReadResidency(ConfigValue value, ConfigValueReader values)
    {
        var path = ConfigPath.Of(ConfigKeys.Residency);
        if (value is ConfigScalar { Text: null })
        {
            return [];
        }
        if (value is not ConfigList list)
        {
            values.Problems.Error(path, "Residency must be a list of regions.",
                "Write it as a list, e.g. 'tenant-databases:residency: [eu-west]'.", value.Location);
            return [];
        }
        var regions = new List<string>();
        for (var index = 0; index < list.Items.Count; index++)
        {
            var itemPath = ConfigPath.Item(path, index);
            var region = values.Text(list.Items[index], itemPath, list.Location);
            if (string.IsNullOrWhiteSpace(region))
            {
                values.Problems.Error(itemPath, "A residency region is empty.", "Remove the empty item or name a region.",
                    list.Items[index].Location ?? list.Location);
            }
            else if (!regions.Contains(region))
            {
                regions.Add(region);
            }
        }
        return regions;
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,29}\z")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.@-]{1,64}\z")]
    private static partial Regex LocalePattern();
}
