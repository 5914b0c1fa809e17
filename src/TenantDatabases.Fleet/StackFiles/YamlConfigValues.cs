using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;
using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Turns a positioned YAML tree into <see cref="ConfigValue"/>s. A mapping or list takes the position
/// of its key (where an operator looks first); a scalar and a <c>secure:</c> ciphertext keep their own.
/// </summary>
internal static class YamlConfigValues
{
    public const string SecureKey = "secure";

    public static ConfigValue From(YamlNode node, SourceLocation? keyLocation = null) => node switch
    {
        YamlScalarNode scalar => new ConfigScalar(scalar.IsNull ? null : scalar.Value, Location(scalar.Start)),
        YamlMappingNode { Entries: [{ Key.Value: SecureKey, Value: YamlScalarNode ciphertext }] } =>
            new ConfigSecureValue(ciphertext.Value, Location(ciphertext.Start)),
        YamlMappingNode mapping => new ConfigMap(
            mapping.Entries.Select(entry => new KeyValuePair<string, ConfigValue>(
                entry.Key.Value, From(entry.Value, Location(entry.Key.Start)))).ToList(),
            keyLocation ?? Location(mapping.Start)),
        YamlSequenceNode sequence => new ConfigList(
            sequence.Items.Select(item => From(item)).ToList(), keyLocation ?? Location(sequence.Start)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static SourceLocation Location(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
