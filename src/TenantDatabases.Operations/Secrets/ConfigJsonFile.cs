using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Operations.Inputs;

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
        // Synchronous callers: the file is local and bounded before it is read.
        var input = JsonInput.ReadFileAsync(path, "the --config-json file").GetAwaiter().GetResult();
        if (!input.Succeeded)
        {
            return new ConfigJsonResult(null, SecretsResult.Missing(input.Problem, source));
        }
        var parsed = PulumiConfigJson.Parse(input.Text, path);
        if (!parsed.Succeeded)
        {
            return new ConfigJsonResult(null, SecretsResult.Missing(parsed.Problem, source));
        }
        var map = new ConfigMap(parsed.Config.Values
            .Select(pair => new KeyValuePair<string, ConfigValue>(pair.Key, JsonConfigValues.FromJson(pair.Value))).ToList());
        return new ConfigJsonResult(map, parsed.Config.Passwords(source));
    }
}
