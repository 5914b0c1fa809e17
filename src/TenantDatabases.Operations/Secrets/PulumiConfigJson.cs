using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Operations.Inputs;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.StackFiles;

namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// The output of <c>pulumi config --json --show-secrets</c>: one property per full key
/// (<c>"tenant-databases:servers"</c>), each <c>{"value": string, "objectValue": any, "secret": bool}</c>,
/// where <c>objectValue</c> is set for maps and lists (and <c>value</c> then holds the same as JSON text),
/// and <c>value</c> is absent for secrets listed without <c>--show-secrets</c>.
/// </summary>
public sealed class PulumiConfigJson
{
    // The fields of each key in Pulumi's JSON.
    private const string ObjectValueField = "objectValue", ValueField = "value";

    private PulumiConfigJson(IReadOnlyList<KeyValuePair<string, JsonElement>> values) => Values = values;

    /// <summary>Each key with its effective value (objectValue, else value), in the document's order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Values { get; }

    /// <summary>Parses the JSON; a problem names <paramref name="origin"/> and what is wrong, never a value.</summary>
    public static Result<PulumiConfigJson> Parse(string json, string origin)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException error)
        {
            // The parser's message quotes no content beyond a position.
            return Result<PulumiConfigJson>.Refused($"{origin} is not JSON (line {error.LineNumber + 1}): expected the output of 'pulumi config --json --show-secrets'.");
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate: text that no UTF-8 JSON can hold.
            return Result<PulumiConfigJson>.Refused($"{origin} is not JSON (it holds an invalid character): expected the output of 'pulumi config --json --show-secrets'.");
        }
        if (!JsonStringCheck.AllReadable(root))
        {
            return Result<PulumiConfigJson>.Refused($"{origin} is not JSON (a string escapes a lone surrogate such as \\uD800): expected the output of 'pulumi config --json --show-secrets'.");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Result<PulumiConfigJson>.Refused($"{origin} must be a JSON object keyed by configuration key, as 'pulumi config --json --show-secrets' prints.");
        }
        var values = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                return Result<PulumiConfigJson>.Refused($"{origin}: key '{property.Name}' must be an object with \"value\"/\"objectValue\" and \"secret\".");
            }
            if (property.Value.TryGetProperty(ObjectValueField, out var objectValue) && objectValue.ValueKind != JsonValueKind.Null)
            {
                values.Add(new(property.Name, objectValue.Clone()));
            }
            else if (property.Value.TryGetProperty(ValueField, out var value))
            {
                values.Add(new(property.Name, value.Clone()));
            }
            else
            {
                return Result<PulumiConfigJson>.Refused($"{origin}: key '{property.Name}' has no value: it is a secret listed without --show-secrets. Run 'pulumi config --json --show-secrets'.");
            }
        }
        return new Result<PulumiConfigJson>(new PulumiConfigJson(values), null);
    }

    /// <summary>The password of every server under <c>tenant-databases:servers</c>, as the JSON holds it in plain text.</summary>
    public SecretsResult Passwords(string origin)
    {
        var passwords = new Dictionary<string, string>();
        var servers = Values.FirstOrDefault(pair => ConfigKeys.ProjectKey(pair.Key) == ConfigKeys.Servers).Value;
        if (servers.ValueKind != JsonValueKind.Object)
        {
            return SecretsResult.Delivered(new ServerPasswords(passwords), origin);
        }
        foreach (var server in servers.EnumerateObject())
        {
            if (server.Value.ValueKind != JsonValueKind.Object || !server.Value.TryGetProperty(ConfigKeys.Password, out var password))
            {
                continue; // Validation reports the missing password with its path.
            }
            if (password.ValueKind == JsonValueKind.Object && password.TryGetProperty(StackFile.SecureKey, out _))
            {
                return SecretsResult.Wrong($"{origin}: {ConfigPath.Server(server.Name, ConfigKeys.Password)} is still encrypted: the JSON was made without --show-secrets.", origin);
            }
            if (password.ValueKind == JsonValueKind.String)
            {
                var text = password.GetString() ?? "";
                if (text == StackOutputsSchema.HiddenSecret)
                {
                    return SecretsResult.Wrong($"{origin}: {ConfigPath.Server(server.Name, ConfigKeys.Password)} shows as {StackOutputsSchema.HiddenSecret}: the JSON was made without --show-secrets.", origin);
                }
                passwords[server.Name] = text;
            }
        }
        return SecretsResult.Delivered(new ServerPasswords(passwords), origin);
    }
}

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
        var parsed = PulumiConfigJson.Parse(input.Value, path);
        if (!parsed.Succeeded)
        {
            return new ConfigJsonResult(null, SecretsResult.Missing(parsed.Problem, source));
        }
        var map = new ConfigMap(parsed.Value.Values
            .Select(pair => new KeyValuePair<string, ConfigValue>(pair.Key, JsonConfigValues.FromJson(pair.Value))).ToList());
        return new ConfigJsonResult(map, parsed.Value.Passwords(source));
    }
}

/// <summary>A <c>--config-json</c> file read: its configuration values (when it could be read) and what its passwords gave.</summary>
public sealed record ConfigJsonResult(ConfigMap? Config, SecretsResult Secrets)
{
    /// <summary>True when the file was read as configuration (its passwords may still be wrong: see <see cref="Secrets"/>).</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    public bool IsReadable => Config is not null;
}
