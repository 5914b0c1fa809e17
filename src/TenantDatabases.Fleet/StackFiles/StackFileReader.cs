// StackFiles: Pulumi.<stack>.yaml as text: opened once (bounded, no aliases), read with positions, edited byte for byte.
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Reads <c>Pulumi.&lt;stack&gt;.yaml</c> with YamlDotNet, keeping positions and keeping <c>secure:</c>
/// leaves as opaque <see cref="ConfigSecureValue"/>s. Never throws for bad input: an unreadable file or
/// malformed YAML becomes a <see cref="ConfigProblem"/> with its line and column.
/// </summary>
public static class StackFileReader
{
    /// <summary>The config path of problems with the file as a whole (syntax, unreadable).</summary>
    public const string FileProblemPath = YamlOpening.FileProblemPath;

    /// <summary>
    /// The largest stack file read, in bytes. A stack of 200 servers and 10,000 tenants is under 1 MB;
    /// 4 MiB leaves room for any real fleet while a hostile file is refused before it is read or parsed.
    /// </summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The problem of a stack file of <paramref name="bytes"/> bytes (null: a device or a pipe that gave more), past
    /// <see cref="MaxFileBytes"/>: refused before it is parsed.
    /// </summary>
    public static ConfigProblem TooLarge(long? bytes) => YamlOpening.TooLarge(bytes);

    /// <summary>Parses stack file text; <paramref name="path"/> is only recorded, never opened.</summary>
    public static StackFileResult Parse(string path, string yamlText)
    {
        var opened = YamlOpening.Open(yamlText);
        if (opened.Problem is { } problem)
        {
            return new StackFileResult(null, [problem]);
        }
        var root = opened.Root;
        if (root is null or YamlScalarNode { IsNull: true })
        {
            return new StackFileResult(new StackFile(path, null, null, new ConfigMap([])), []);
        }
        if (root is not YamlMappingNode top)
        {
            return new StackFileResult(null, [new ConfigProblem(ProblemSeverity.Error, FileProblemPath,
                "A stack file must be a mapping with a 'config:' key.",
                "Start the file with 'config:' and put the settings under it.",
                YamlConfigValues.Location(root.Start))]);
        }
        var problems = new List<ConfigProblem>();
        string? Text(string key) => ReadTopLevelText(top, key, problems);
        var secretsProvider = Text("secretsprovider");
        var encryptionSalt = Text("encryptionsalt");
        var config = new ConfigMap([], YamlConfigValues.Location(top.Start));
        var configEntry = top.Entries.FirstOrDefault(entry => entry.Key.Value == "config");
        if (configEntry is not null)
        {
            switch (YamlConfigValues.From(configEntry.Value, YamlConfigValues.Location(configEntry.Key.Start)))
            {
                case ConfigMap map:
                    config = map;
                    break;
                case ConfigScalar { Text: null }:
                    break;
                default:
                    problems.Add(new ConfigProblem(ProblemSeverity.Error, "config",
                        "'config:' must be a mapping of keys to values.",
                        "Write one 'tenant-databases:<key>: <value>' per line under 'config:'.",
                        YamlConfigValues.Location(configEntry.Key.Start)));
                    break;
            }
        }
        return new StackFileResult(new StackFile(path, secretsProvider, encryptionSalt, config), problems);
    }

    private static string? ReadTopLevelText(YamlMappingNode top, string key, List<ConfigProblem> problems)
    {
        var entry = top.Entries.FirstOrDefault(candidate => candidate.Key.Value == key);
        switch (entry?.Value)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.IsNull ? null : scalar.Value;
            default:
                problems.Add(new ConfigProblem(ProblemSeverity.Error, key, $"'{key}:' must be a single value.",
                    $"Write '{key}: <value>' on one line.", YamlConfigValues.Location(entry.Key.Start)));
                return null;
        }
    }

}

/// <summary>A <c>Pulumi.&lt;stack&gt;.yaml</c> as read: its secrets settings and its <c>config:</c> block.</summary>
/// <param name="Path">The file it was read from (as given to the reader).</param>
/// <param name="SecretsProvider">The <c>secretsprovider:</c> value, e.g. <c>passphrase</c>, when set.</param>
/// <param name="EncryptionSalt">The <c>encryptionsalt:</c> value of a passphrase stack, when set.</param>
/// <param name="Config">The top-level keys of <c>config:</c> exactly as written (e.g. <c>tenant-databases:servers</c>).</param>
public sealed record StackFile(string Path, string? SecretsProvider, string? EncryptionSalt, ConfigMap Config)
{
    /// <summary>The key of a secret's ciphertext in a stack file and in Pulumi's JSON: <c>password: {secure: v1:…}</c>.</summary>
    public const string SecureKey = "secure";

    /// <summary>The file name of <paramref name="stack"/>'s settings, beside Pulumi.yaml: <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static string FileName(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>
    /// The stack a file of that name holds: <c>prod</c> for <c>Pulumi.prod.yaml</c>; null for any other name (Pulumi.yaml
    /// itself included). The inverse of <see cref="FileName"/>.
    /// </summary>
    public static string? StackName(string fileName) =>
        fileName.Length > "Pulumi..yaml".Length && fileName.StartsWith("Pulumi.", StringComparison.Ordinal) && fileName.EndsWith(".yaml", StringComparison.Ordinal)
            ? fileName["Pulumi.".Length..^".yaml".Length]
            : null;

    /// <summary>The value at a project key (<c>servers</c>) and the keys below it, or null when the file lacks it.</summary>
    public ConfigValue? ValueAt(string projectKey, params string[] keys)
    {
        var value = Config.Entries.FirstOrDefault(entry => ConfigKeys.ProjectKey(entry.Key) == projectKey).Value;
        foreach (var key in keys)
        {
            value = (value as ConfigMap)?[key];
        }
        return value;
    }

    /// <summary>Where <c>tenants.&lt;id&gt;.server</c> (or the tenant) stands in the file, or null.</summary>
    public SourceLocation? TenantServerLocation(string tenantId) =>
        ValueAt(ConfigKeys.Tenants, tenantId, ConfigKeys.Server)?.Location ?? ValueAt(ConfigKeys.Tenants, tenantId)?.Location;

    /// <summary>
    /// <paramref name="problems"/> with a position: each one without a position about one of <paramref name="tenantIds"/>
    /// (a plan comparison knows the tenant, not the file) gets that tenant's position in this file.
    /// </summary>
    public IEnumerable<ConfigProblem> Locate(IEnumerable<ConfigProblem> problems, IEnumerable<string> tenantIds)
    {
        var idsByPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in tenantIds)
        {
            idsByPath[ConfigPath.Tenant(id)] = id;
            idsByPath[ConfigPath.Tenant(id, ConfigKeys.Server)] = id;
        }
        foreach (var problem in problems)
        {
            yield return problem.Location is null && idsByPath.TryGetValue(problem.Path, out var tenantId)
                ? problem with { Location = TenantServerLocation(tenantId) }
                : problem;
        }
    }
}

/// <summary>The outcome of reading a stack file: the file when it parsed, and every problem met.</summary>
public sealed record StackFileResult(StackFile? File, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the file parsed without error.</summary>
    [MemberNotNullWhen(true, nameof(File))]
    public bool IsValid => File is not null && Problems.All(problem => problem.Severity != ProblemSeverity.Error);
}
