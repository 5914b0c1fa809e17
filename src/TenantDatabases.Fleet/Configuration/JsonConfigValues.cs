using System.Text.Json;

namespace TenantDatabases.Fleet.Configuration;

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
