using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The ordered set of migration scripts: <c>NNNN_description.sql</c> files, ordered by their number. The default
/// set is embedded in this assembly; <c>--scripts &lt;dir&gt;</c> reads the *.sql files of a folder instead.
/// </summary>
public sealed partial class MigrationScripts
{
    // The csproj gives each embedded script this logical name, whatever the assembly's namespace (DbUp #366).
    private const string EmbeddedPrefix = "migrations/";

    private MigrationScripts(IReadOnlyList<MigrationScript> all) => All = all;

    /// <summary>Every script, in the order they are applied.</summary>
    public IReadOnlyList<MigrationScript> All { get; }

    /// <summary>The last script, which a fully migrated journal ends at.</summary>
    public MigrationScript? Latest => All.Count == 0 ? null : All[^1];

    /// <summary>The script called <paramref name="name"/>, or null.</summary>
    public MigrationScript? Find(string name) => All.FirstOrDefault(script => script.Name == name);

    /// <summary>The default point-of-sale schema embedded in this assembly.</summary>
    public static MigrationScripts Embedded()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
            .Select(resource => (Name: resource[EmbeddedPrefix.Length..], Contents: Read(assembly, resource)));
        var read = Build(files, "embedded scripts");
        return read.IsValid ? read.Scripts : throw new InvalidOperationException(string.Join(" ", read.Problems));
    }

    /// <summary>The scripts of <paramref name="folder"/> when given, else the embedded ones.</summary>
    public static MigrationScriptsResult FromFolderOrEmbedded(string? folder) =>
        folder is null ? new MigrationScriptsResult(Embedded(), []) : FromFolder(folder);

    /// <summary>The *.sql files directly in <paramref name="folder"/>; every problem at once when they do not form a valid set.</summary>
    public static MigrationScriptsResult FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new MigrationScriptsResult(null, [$"{folder}: the scripts folder does not exist."]);
        }
        try
        {
            var files = Directory.GetFiles(folder, "*.sql", SearchOption.TopDirectoryOnly)
                .Select(path => (Name: Path.GetFileName(path), Contents: File.ReadAllText(path)));
            return Build(files, folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new MigrationScriptsResult(null, [$"{folder}: cannot read the scripts ({error.Message})."]);
        }
    }

    private static MigrationScriptsResult Build(IEnumerable<(string Name, string Contents)> files, string source)
    {
        var problems = new List<string>();
        var scripts = new List<MigrationScript>();
        foreach (var (name, contents) in files)
        {
            var match = NumberedName().Match(name);
            if (!match.Success)
            {
                problems.Add($"{source}/{name}: a script's name must be a number, '_' and a description ending in .sql (e.g. 0007_loyalty_cards.sql).");
                continue;
            }
            scripts.Add(new MigrationScript(name, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), contents));
        }
        foreach (var clash in scripts.GroupBy(script => script.Number).Where(group => group.Count() > 1))
        {
            problems.Add($"{source}: {string.Join(" and ", clash.Select(s => s.Name).Order(StringComparer.Ordinal))} share the number {clash.Key}; give each script its own number.");
        }
        if (scripts.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{source}: no *.sql scripts.");
        }
        return problems.Count > 0 ? new MigrationScriptsResult(null, problems) : new MigrationScriptsResult(new MigrationScripts(scripts.OrderBy(s => s.Number).ToList()), []);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // [0-9], not \d: \d matches every Unicode digit, which long.Parse refuses.
    [GeneratedRegex(@"^([0-9]{1,9})_[A-Za-z0-9_.-]+\.sql$")]
    private static partial Regex NumberedName();
}
