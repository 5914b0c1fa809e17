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
