// Configuration: Pulumi's configuration handed to Fleet, and the admin passwords as secret outputs.
using System.Text.Json;
using Pulumi;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Infra.Configuration;

/// <summary>
/// The stack's configuration as Pulumi hands it to the program, in the one shape Fleet reads: a map
/// keyed <c>tenant-databases:&lt;key&gt;</c>, like a stack file's <c>config:</c> block. Server passwords
/// are replaced by a marker before Fleet sees them: Fleet only needs to know that one is set.
/// </summary>
internal static class PulumiConfigValues
{
    // Stands in for a password in everything Fleet reads, so no message can ever quote one.
    public const string PasswordMarker = "(secret)";

    // Pulumi's Config cannot list the keys a stack sets, so the program asks for each known key by name.
    public static ConfigMap Read(Config config) =>
        FromRaw(ConfigKeys.TopLevel.Select(key => (key, config.Get(key))));

    /// <summary>The map of the keys that are set; <paramref name="values"/> are raw Pulumi config values.</summary>
    public static ConfigMap FromRaw(IEnumerable<(string Key, string? Raw)> values) =>
        new(values
            .SelectMany(value => value.Raw is { } raw
                ? [KeyValuePair.Create(ConfigPath.Of(value.Key), value.Key == ConfigKeys.Servers ? WithoutPasswords(Parse(raw)) : Parse(raw))]
                : Array.Empty<KeyValuePair<string, ConfigValue>>())
            .ToList());

    // Objects, lists, numbers and booleans arrive as JSON text; a plain string arrives as its bare text.
    private static ConfigValue Parse(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return JsonConfigValues.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return new ConfigScalar(raw);
        }
    }

    private static ConfigValue WithoutPasswords(ConfigValue servers) =>
        servers is ConfigMap map
            ? map with { Entries = map.Entries.Select(server => KeyValuePair.Create(server.Key, WithoutPassword(server.Value))).ToList() }
            : servers;

    private static ConfigValue WithoutPassword(ConfigValue server) =>
        server is ConfigMap map
            ? map with { Entries = map.Entries.Select(MaskPassword).ToList() }
            : server;

    // Only a non-empty text is masked: a missing, empty or mistyped password stays for Fleet to report.
    private static KeyValuePair<string, ConfigValue> MaskPassword(KeyValuePair<string, ConfigValue> entry) =>
        entry.Key == ConfigKeys.Password && entry.Value is ConfigScalar { Text.Length: > 0 } password
            ? KeyValuePair.Create(entry.Key, (ConfigValue)(password with { Text = PasswordMarker }))
            : entry;
}
