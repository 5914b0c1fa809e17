using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// A <c>--config-json</c> file: the output of <c>pulumi config --json --show-secrets</c>, which gives
/// both the configuration (as Pulumi's config values, already decrypted) and the servers' passwords.
/// </summary>
public static class ConfigJsonFile
{
    /// <summary>The configuration values and the passwords; or a problem (unreadable or not that JSON: a usage error).</summary>
    public static ConfigJsonResult Read(string path)
    {
        var source = "--config-json " + path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ConfigJsonResult(null, SecretsResult.Missing($"{path}: cannot read the --config-json file: {error.Message}", source));
        }
        var parsed = PulumiConfigJson.Parse(text, path);
        if (!parsed.Succeeded)
        {
            return new ConfigJsonResult(null, SecretsResult.Missing(parsed.Problem, source));
        }
        var map = new ConfigMap(parsed.Config.Values
            .Select(pair => new KeyValuePair<string, ConfigValue>(pair.Key, JsonConfigValues.FromJson(pair.Value))).ToList());
        return new ConfigJsonResult(map, parsed.Config.Passwords(source));
    }
}
