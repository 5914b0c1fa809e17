using System.Text.Json;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// A configuration value as read from a stack file (YAML) or from Pulumi's configuration (JSON),
/// before it is interpreted: the one input shape of <c>FleetConfigurationReader</c>.
/// </summary>
public abstract record ConfigValue(SourceLocation? Location);

/// <summary>A mapping, keys in file order.</summary>
public sealed record ConfigMap(IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries, SourceLocation? Location = null)
    : ConfigValue(Location)
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public ConfigValue? this[string key] => Entries.FirstOrDefault(entry => entry.Key == key).Value;
}

/// <summary>A sequence.</summary>
public sealed record ConfigList(IReadOnlyList<ConfigValue> Items, SourceLocation? Location = null) : ConfigValue(Location);

/// <summary>A plain scalar; <see cref="Text"/> is null for YAML/JSON null.</summary>
public sealed record ConfigScalar(string? Text, SourceLocation? Location = null) : ConfigValue(Location);

/// <summary>
/// A <c>secure:</c> leaf of a stack file: the ciphertext only. Its decrypted value never becomes a
/// <see cref="ConfigValue"/>.
/// </summary>
public sealed record ConfigSecureValue(string Ciphertext, SourceLocation? Location = null) : ConfigValue(Location);

/// <summary>Where configuration values came from; decides whether a plain password is allowed.</summary>
public enum ConfigOrigin
{
    /// <summary>A stack file read from disk: secrets must be <c>secure:</c> values.</summary>
    StackFile,

    /// <summary>Pulumi's configuration inside the program: values arrive decrypted, so a plain password is fine.</summary>
    PulumiConfig,
}

/// <summary>
/// Turns the JSON that Pulumi's config gives the program (<c>Config.GetObject&lt;JsonElement&gt;</c>) into
/// <see cref="ConfigValue"/>s. Secrets arrive decrypted there, so they become plain scalars; read them
/// with <see cref="ConfigOrigin.PulumiConfig"/>.
/// </summary>
public static class JsonConfigValues
{
    /// <summary>Converts one JSON value (object, array, string, number, boolean or null).</summary>
    public static ConfigValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ConfigMap(element.EnumerateObject()
            .Select(property => new KeyValuePair<string, ConfigValue>(property.Name, FromJson(property.Value))).ToList()),
        JsonValueKind.Array => new ConfigList(element.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new ConfigScalar(element.GetString()),
        JsonValueKind.Number => new ConfigScalar(element.GetRawText()),
        JsonValueKind.True => new ConfigScalar("true"),
        JsonValueKind.False => new ConfigScalar("false"),
        _ => new ConfigScalar(null),
    };
}

/// <summary>
/// Whether every string and property name of a JSON document can be read. JSON may escape a lone UTF-16
/// surrogate (<c>"\uD800"</c>), which <see cref="JsonDocument"/> accepts but cannot return as a string:
/// reading it throws. Readers of outside JSON check once, up front, and report a problem instead.
/// </summary>
public static class JsonStringCheck
{
    /// <summary>True when no string or property name under <paramref name="element"/> holds an escaped lone surrogate.</summary>
    public static bool AllReadable(JsonElement element)
    {
        try
        {
            Visit(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // JsonDocument refuses nesting past 64 levels, so the recursion is bounded.
    private static void Visit(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item);
                }
                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
