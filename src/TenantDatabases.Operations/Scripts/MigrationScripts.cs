// Scripts: the team's migrations folder, its scripts and a tenant's journal of them.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Scripts;

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
            findings.AddRange(OtherEntries(folder, shown));
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

    // What the folder holds besides scripts. A folder is an error: its scripts would never run, while the check counted
    // the others as all there is. A file that is not a script (a .sql.bak, notes) is named, as a warning. On a
    // case-sensitive file system 0010_x.SQL is not read either, though its author means a script: an error.
    private static IEnumerable<ScriptFinding> OtherEntries(string folder, string shown)
    {
        foreach (var sub in Directory.EnumerateDirectories(folder).Take(MaxScripts + 1).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            yield return new ScriptFinding($"{shown}/{ScriptName.Display(sub)}",
                $"is a folder, and migrate reads only the scripts directly in {shown}: nothing in it would ever run",
                $"move its scripts into {shown} (numbered after the last), and the folder out of it.");
        }
        foreach (var name in Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly).Take(MaxScripts + 1)
            .Select(Path.GetFileName).OfType<string>().Where(name => !name.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
                ? new ScriptFinding($"{shown}/{ScriptName.Display(name)}", "is not read: its extension is not the lower-case .sql of a script",
                    "rename it to end in .sql.")
                : new ScriptFinding($"{shown}/{ScriptName.Display(name)}", "is not a script (NNNN_name.sql), so migrate never reads it",
                    "remove it from the folder, or name it NNNN_name.sql if it is a script.", IsWarning: true);
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
            var script = new MigrationScript(name, number, contents);
            scripts.Add(script);
            if (StatementProblem(script) is { } problem)
            {
                findings.Add(new ScriptFinding($"{folder}/{ScriptName.Display(name)}", problem.Problem, problem.Fix));
            }
        }
        foreach (var clash in scripts.GroupBy(script => script.Number).Where(group => group.Count() > 1).OrderBy(group => group.Key))
        {
            var names = clash.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            findings.Add(new ScriptFinding($"{folder}/{names[^1]}", $"{string.Join(" and ", names)} share the number {clash.Key}", "give each script its own number."));
        }
        if (scripts.Count == 0 && findings.All(finding => finding.IsWarning))
        {
            findings.Add(new ScriptFinding(folder, "no *.sql scripts", "add the first script, e.g. 0001_first_tables.sql."));
        }
        var named = scripts.OrderBy(s => s.Number).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return findings.Any(finding => !finding.IsWarning)
            ? new MigrationScriptsResult(folder, null, findings) { Named = named }
            : new MigrationScriptsResult(folder, new MigrationScripts(named), findings) { Named = named };
    }

    // What migrate cannot run as written: nothing to send (Npgsql refuses an empty command), or a transactional script
    // that ends its own transaction, so that a later failure leaves what it committed while the report says it was
    // rolled back, and the journal row no longer commits with the script.
    private static (string Problem, string Fix)? StatementProblem(MigrationScript script)
    {
        var statements = StatementWords.Statements(script.Contents);
        if (statements.Count == 0)
        {
            return ("holds no SQL statement (it is empty, or only comments): migrate would fail every tenant on it",
                "write its statements, or delete it.");
        }
        if (script.RunsInTransaction && StatementWords.TransactionControl(statements) is { } control)
        {
            return ($"runs in a transaction, and its statement '{Shorten(control)}' begins, ends or marks one itself: a later failure " +
                "would leave what ran before it committed, and its journal row would not commit with the script",
                $"remove the transaction statements (each script already runs in its own transaction), or make its first line {MigrationScript.NoTransactionMarker} " +
                "if it must control its transactions itself.");
        }
        return null;
    }

    private static string Shorten(string words) => words.Length <= 40 ? words : words[..37] + "...";
}

/// <summary>
/// A valid set of migration scripts read from <see cref="Folder"/>, or every problem that keeps the files from being
/// one. <see cref="IsUsageProblem"/> is true when there was no folder to read at all (none given or found, or unreadable).
/// </summary>
public sealed record MigrationScriptsResult(string? Folder, MigrationScripts? Scripts, IReadOnlyList<ScriptFinding> Findings, bool IsUsageProblem = false)
{
    /// <summary>True when the scripts form a valid set (warnings allowed).</summary>
    [MemberNotNullWhen(true, nameof(Scripts), nameof(Folder))]
    public bool IsValid => Scripts is not null && Folder is not null && Findings.All(finding => finding.IsWarning);

    /// <summary>Every script with a valid name, in number order, even when the set has problems (for a review of them all).</summary>
    public IReadOnlyList<MigrationScript> Named { get; init; } = [];

    /// <summary>Every finding that keeps the files from being a valid set, as one line each.</summary>
    public IReadOnlyList<string> Problems => [.. Findings.Where(finding => !finding.IsWarning).Select(finding => finding.Describe())];

    /// <summary>Every warning (a file in the folder that is not a script), as one line each.</summary>
    public IReadOnlyList<string> Warnings => [.. Findings.Where(finding => finding.IsWarning).Select(finding => finding.Describe())];

    /// <summary>A folder that could not be read at all.</summary>
    public static MigrationScriptsResult Unusable(string file, string problem, string fix) =>
        new(null, null, [new ScriptFinding(file, problem, fix)], IsUsageProblem: true);
}

/// <summary>
/// One numbered migration script. <see cref="Name"/> is its file name alone (never a resource namespace or
/// folder), so moving or renaming the assembly's namespace never makes applied scripts look new.
/// </summary>
public sealed record MigrationScript(string Name, long Number, string Contents)
{
    /// <summary>
    /// The first line that marks a script to run outside a transaction (for CREATE INDEX CONCURRENTLY and the like).
    /// Such a script is journaled only after it succeeded, so a crash in between runs it again: it must be safe to retry.
    /// </summary>
    public const string NoTransactionMarker = "-- tenantdb:no-transaction";

    /// <summary>SHA-256 (lower-case hex) of the contents with line endings as LF and without a byte-order mark.</summary>
    public string Sha256 { get; } = Checksum(Contents);

    /// <summary>False when the first line is <see cref="NoTransactionMarker"/>.</summary>
    public bool RunsInTransaction { get; } = !FirstLine(Contents).Equals(NoTransactionMarker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The checksum of <paramref name="contents"/>; a checkout that turns LF into CRLF does not change it.</summary>
    public static string Checksum(string contents) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contents.TrimStart('\uFEFF').Replace("\r\n", "\n")))).ToLowerInvariant();

    private static string FirstLine(string contents)
    {
        var text = contents.TrimStart('\uFEFF');
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>
/// The rule for a script's file name, <c>NNNN_description.sql</c>. Names come from a folder or a git tree that a
/// pull request wrote, so they are bounded and checked before they are used, and shown only through <see cref="Display"/>.
/// </summary>
public static partial class ScriptName
{
    /// <summary>The longest name accepted (the journal keys tenants' scripts by it).</summary>
    public const int MaxLength = 100;

    /// <summary>What a valid name looks like, for messages.</summary>
    public const string Rule = "a script's name is a number, '_' and a description of letters, digits, '_', '.' or '-', ending in .sql, " +
        "at most 100 characters (e.g. 0007_loyalty_cards.sql)";

    /// <summary>The number of a valid name, or null when <paramref name="name"/> breaks the rule.</summary>
    public static long? NumberOf(string name)
    {
        if (name.Length > MaxLength)
        {
            return null;
        }
        var match = Pattern().Match(name);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The digits a valid name starts with, as written (e.g. "0007").</summary>
    public static string Digits(string name) => name[..name.IndexOf('_', StringComparison.Ordinal)];

    /// <summary><paramref name="name"/> safe to print: control characters escaped, cut after <see cref="MaxLength"/> characters.</summary>
    public static string Display(string name)
    {
        var shown = new StringBuilder();
        foreach (var character in name.Length > MaxLength ? name[..MaxLength] : name)
        {
            shown.Append(char.IsControl(character) || char.IsSurrogate(character) ? $"\\u{(int)character:x4}" : character);
        }
        return name.Length > MaxLength ? shown.Append('…').ToString() : shown.ToString();
    }

    // [0-9], not \d: \d matches every Unicode digit, which long.Parse refuses.
    [GeneratedRegex(@"^([0-9]{1,9})_[A-Za-z0-9_.-]+\.sql\z")]
    private static partial Regex Pattern();
}

/// <summary>One problem (or, when <see cref="IsWarning"/>, a warning) with a script or the scripts folder: where, what, and the fix.</summary>
/// <param name="File">The script's path as people see it, or the folder's.</param>
/// <param name="Problem">What is wrong, in a sentence.</param>
/// <param name="Fix">What to do about it, in a sentence.</param>
/// <param name="IsWarning">True for a warning, which does not fail a check.</param>
public sealed record ScriptFinding(string File, string Problem, string Fix, bool IsWarning = false)
{
    /// <summary>The finding as one line: file, problem and fix.</summary>
    public string Describe() => Fix.Length == 0 ? $"{File}: {Problem}" : $"{File}: {Problem}; {Fix}";
}
