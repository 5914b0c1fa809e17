// Configuration: reading raw values (a stack file's YAML, Pulumi's JSON) into the model, calling the rules of Validation.
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// The one parser from configuration values to <see cref="FleetConfiguration"/>, used by the Pulumi
/// program (values from Pulumi's config as JSON) and by <c>tenantdb</c> (a stack file). It reads and
/// validates in one pass and reports every problem at once, each with its config path.
/// </summary>
public static class FleetConfigurationReader
{
    /// <summary>
    /// Reads <paramref name="config"/>: the top-level keys as in a stack file's <c>config:</c> block
    /// (<c>tenant-databases:servers</c> or <c>servers</c>; keys of other namespaces are ignored).
    /// The configuration is returned even when invalid, so that tools can still show it; check
    /// <see cref="ValidationResult.IsValid"/> before acting on it.
    /// </summary>
    public static ValidationResult Read(ConfigMap config, ConfigOrigin origin)
    {
        var problems = new ProblemList();
        var values = new ConfigValueReader(problems);
        var keys = NamespaceKeys.Select(config, values);
        var settings = StackSettingsReader.Read(keys, values);
        var servers = ServerReader.Read(keys.GetValueOrDefault(ConfigKeys.Servers), origin, settings, values);
        var tenants = TenantReader.Read(keys.GetValueOrDefault(ConfigKeys.Tenants), settings, servers, values);
        var configuration = new FleetConfiguration(settings, servers.Definitions, tenants);
        CapacityRules.Check(configuration, servers, problems);
        return new ValidationResult(configuration, problems.All);
    }
}

/// <summary>Reads <c>protect</c>, <c>residency</c>, <c>databasePrefix</c> and <c>locale</c>; <see cref="StackSettingsRules"/> checks them.</summary>
internal static class StackSettingsReader
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
            var text = values.Text(prefixValue, ConfigPath.Of(ConfigKeys.DatabasePrefix), null);
            if (text is not null && StackSettingsRules.CheckDatabasePrefix(text, values.Problems, prefixValue.Location))
            {
                prefix = text;
            }
        }
        string? locale = null;
        if (keys.TryGetValue(ConfigKeys.Locale, out var localeValue))
        {
            locale = values.Text(localeValue, ConfigPath.Of(ConfigKeys.Locale), null);
            if (locale is not null && !StackSettingsRules.CheckLocale(locale, values.Problems, localeValue.Location))
            {
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
            if (StackSettingsRules.CheckResidencyRegion(region, itemPath, values.Problems, list.Items[index].Location ?? list.Location)
                && !regions.Contains(region))
            {
                regions.Add(region);
            }
        }
        return regions;
    }
}
