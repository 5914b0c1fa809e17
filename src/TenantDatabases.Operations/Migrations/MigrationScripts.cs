using System.Text;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The ordered set of migration scripts: the <c>NNNN_description.sql</c> files directly in one folder (the
/// repository's <c>migrations/</c>, or <c>--scripts &lt;dir&gt;</c>), ordered by their number.
/// </summary>
public sealed class MigrationScripts
{
    /// <summary>The most scripts one folder may hold.</summary>
    public const int MaxScripts = 10_000;

    /// <summary>The largest script read, in bytes: a folder from a pull request must not exhaust memory.</summary>
    public const long MaxScriptBytes = 4 * 1024 * 1024;

    private MigrationScripts(IReadOnlyList<MigrationScript> all) => All = all;

    /// <summary>Every script, in the order they are applied.</summary>
    public IReadOnlyList<MigrationScript> All { get; }

    /// <summary>The last script, which a fully migrated journal ends at.</summary>
    public MigrationScript? Latest => All.Count == 0 ? null : All[^1];

    /// <summary>The script called <paramref name="name"/>, or null.</summary>
    public MigrationScript? Find(string name) => All.FirstOrDefault(script => script.Name == name);

    /// <summary>The *.sql files directly in <paramref name="folder"/>; every problem at once when they do not form a valid set.</summary>
    public static MigrationScriptsResult FromFolder(string folder)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(folder));
        if (!Directory.Exists(folder))
        {
            return MigrationScriptsResult.Unusable(shown, "the scripts folder does not exist", "create it, or pass --scripts <dir> with the folder of NNNN_name.sql scripts.");
        }
        try
        {
            var findings = new List<ScriptFinding>();
            var files = new List<(string Name, string Contents)>();
            var paths = Directory.EnumerateFiles(folder, "*.sql", SearchOption.TopDirectoryOnly).Take(MaxScripts + 1).ToList();
            if (paths.Count > MaxScripts)
            {
                return MigrationScriptsResult.Unusable(shown, $"more than {MaxScripts} scripts", "a folder of scripts holds at most that many.");
            }
            // On a case-sensitive file system 0010_x.SQL is not a script and would never run: its author means one.
            findings.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly).Take(MaxScripts + 1)
                .Select(Path.GetFileName).OfType<string>()
                .Where(name => name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".sql", StringComparison.Ordinal))
                .Select(name => new ScriptFinding($"{shown}/{ScriptName.Display(name)}", "is not read: its extension is not the lower-case .sql of a script",
                    "rename it to end in .sql.")));
            foreach (var path in paths)
            {
                var name = Path.GetFileName(path);
                var file = $"{shown}/{ScriptName.Display(name)}";
                var info = new FileInfo(path);
                if (info.LinkTarget is not null)
                {
                    findings.Add(new ScriptFinding(file, "is a symbolic link", "commit the script itself."));
                }
                else if (info.Length > MaxScriptBytes)
                {
                    findings.Add(new ScriptFinding(file, $"is larger than {MaxScriptBytes / (1024 * 1024)} MiB", "split it into several numbered scripts."));
                }
                else
                {
                    files.Add((name, Decode(File.ReadAllBytes(path))));
                }
            }
            return Build(files, shown, findings);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return MigrationScriptsResult.Unusable(shown, $"cannot read the scripts ({error.Message})", "check the folder's permissions.");
        }
    }

    /// <summary>A script's bytes as text, as a file is read (a byte-order mark chooses the encoding, else UTF-8).</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The problems of a set of named scripts: bad names, shared numbers, an empty folder.</summary>
    public static MigrationScriptsResult Build(IEnumerable<(string Name, string Contents)> files, string folder, IReadOnlyList<ScriptFinding>? earlier = null)
    {
        var findings = new List<ScriptFinding>(earlier ?? []);
        var scripts = new List<MigrationScript>();
        foreach (var (name, contents) in files)
        {
            if (ScriptName.NumberOf(name) is not { } number)
            {
                findings.Add(new ScriptFinding($"{folder}/{ScriptName.Display(name)}", "the name breaks the rule", $"rename it: {ScriptName.Rule}."));
                continue;
            }
            scripts.Add(new MigrationScript(name, number, contents));
        }
        foreach (var clash in scripts.GroupBy(script => script.Number).Where(group => group.Count() > 1).OrderBy(group => group.Key))
        {
            var names = clash.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            findings.Add(new ScriptFinding($"{folder}/{names[^1]}", $"{string.Join(" and ", names)} share the number {clash.Key}", "give each script its own number."));
        }
        if (scripts.Count == 0 && findings.Count == 0)
        {
            findings.Add(new ScriptFinding(folder, "no *.sql scripts", "add the first script, e.g. 0001_first_tables.sql."));
        }
        var named = scripts.OrderBy(s => s.Number).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return findings.Count > 0
            ? new MigrationScriptsResult(folder, null, findings) { Named = named }
            : new MigrationScriptsResult(folder, new MigrationScripts(named), []) { Named = named };
    }
}
