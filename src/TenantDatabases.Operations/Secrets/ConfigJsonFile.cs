using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// A <c>--config-json</c> file: the output of <c>pulumi config --json --show-secrets</c>, which gives
/// both the configuration (as Pulumi's config values, already decrypted) and the servers' passwords.
/// </summary>
public static class ConfigJsonFile
{
    /// <summary>The configuration values and the passwords; or a failure (unreadable or not that JSON: a usage error).</summary>
    public static (ConfigMap? Config, SecretsOutcome Secrets) Read(string path)
    {
        var source = "--config-json " + path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, SecretsOutcome.Missing($"{path}: cannot read the --config-json file: {error.Message}", source));
        }
        var (config, failure) = PulumiConfigJson.Parse(text, path);
        if (config is null)
        {
            return (null, SecretsOutcome.Missing(failure!, source));
        }
        var map = new ConfigMap(config.Values
            .Select(pair => new KeyValuePair<string, ConfigValue>(pair.Key, JsonConfigValues.FromJson(pair.Value))).ToList());
        return (map, config.Passwords(source));
    }
}
