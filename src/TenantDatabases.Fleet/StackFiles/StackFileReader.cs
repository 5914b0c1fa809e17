using System.Globalization;
using System.Text;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;
using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Reads <c>Pulumi.&lt;stack&gt;.yaml</c> with YamlDotNet, keeping positions and keeping <c>secure:</c>
/// leaves as opaque <see cref="ConfigSecureValue"/>s. Never throws for bad input: an unreadable file or
/// malformed YAML becomes a <see cref="ConfigProblem"/> with its line and column.
/// </summary>
public static class StackFileReader
{
    /// <summary>The config path of problems with the file as a whole (syntax, unreadable).</summary>
    public const string FileProblemPath = "yaml";

    /// <summary>
    /// The largest stack file read, in bytes. A stack of 200 servers and 10,000 tenants is under 1 MB;
    /// 4 MiB leaves room for any real fleet while a hostile file is refused before it is read or parsed.
    /// </summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Reads and parses the file at <paramref name="path"/>; the only IO in Fleet.</summary>
    public static StackFileResult Read(string path)
    {
        string text;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > MaxFileBytes)
            {
                return new StackFileResult(null, [TooLarge(size)]);
            }
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new StackFileResult(null, [new ConfigProblem(ProblemSeverity.Error, FileProblemPath,
                $"The stack file cannot be read: {error.Message}",
                "Check that the file exists, is readable, and that --stack names the right stack.")]);
        }
        return Parse(path, text);
    }

    /// <summary>Parses stack file text; <paramref name="path"/> is only recorded, never opened.</summary>
    public static StackFileResult Parse(string path, string yamlText)
    {
        var size = Encoding.UTF8.GetByteCount(yamlText);
        if (size > MaxFileBytes)
        {
            return new StackFileResult(null, [TooLarge(size)]);
        }
        YamlNode? root;
        try
        {
            root = YamlTreeParser.ParseFirstDocument(yamlText);
        }
        catch (RefusedYamlException refused)
        {
            return new StackFileResult(null, [new ConfigProblem(ProblemSeverity.Error, FileProblemPath,
                refused.Problem, refused.Fix, YamlConfigValues.Location(refused.Start))]);
        }
        catch (YamlException error)
        {
            return new StackFileResult(null, [SyntaxProblem(error, yamlText)]);
        }
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

    // No location, like an unreadable file: the command prints only the message, so it carries the fix too.
    private static ConfigProblem TooLarge(long size) => new(ProblemSeverity.Error, FileProblemPath,
        string.Create(CultureInfo.InvariantCulture, $"The stack file is {size:N0} bytes, more than the {MaxFileBytes:N0} bytes (4 MiB) a stack file may hold, so it was not read; ") +
        "check that it is the stack's settings file, and split a fleet this large across several stacks.",
        "Check that the file is the stack's settings file, and split a fleet this large across several stacks.");

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

    private static ConfigProblem SyntaxProblem(YamlException error, string yamlText)
    {
        // YamlDotNet prefixes its message with "(Line: …) - (Line: …): "; the location is kept separately.
        var message = error.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && prefixEnd >= 0)
        {
            message = message[(prefixEnd + 3)..];
        }
        return new ConfigProblem(ProblemSeverity.Error, FileProblemPath, $"The file is not valid YAML: {message.TrimEnd('.')}.",
            "Correct the YAML at this line and column (indent with spaces, one key per line, 'key: value').",
            message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstIndentingTab(yamlText) ?? YamlConfigValues.Location(error.Start) : YamlConfigValues.Location(error.Start));
    }

    // YamlDotNet reports a tab used as indentation at the start of the mapping; point at the tab instead.
    private static SourceLocation? FirstIndentingTab(string yamlText)
    {
        var lines = yamlText.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var indentation = lines[index].Length - lines[index].TrimStart(' ', '\t').Length;
            var tab = lines[index].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new SourceLocation(index + 1, tab + 1);
            }
        }
        return null;
    }
}
