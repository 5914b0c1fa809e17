using System.Text.RegularExpressions;
using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// The rules <c>tenantdb migrations check</c> adds to a folder's own (names, numbers, not empty): what changed
/// since the base commit, and no-transaction scripts that cannot be retried. Pure: the scripts are read elsewhere.
/// </summary>
internal static class ScriptFindings
{
    /// <summary>
    /// Scripts of the base that were edited, renamed or deleted, and new scripts numbered not after the base's
    /// highest. <paramref name="folder"/> is the folder as people see it; <paramref name="baseName"/> the ref given.
    /// </summary>
    public static IEnumerable<ScriptFinding> SinceBase(IReadOnlyList<BaseScript> atBase, IReadOnlyList<MigrationScript> now, string folder, string baseName) =>
        Changes(atBase, now, folder, baseName).Select(change => change.Finding);

    /// <summary><see cref="SinceBase"/> with what each finding is about, for the proof from the tenants' journals.</summary>
    public static IReadOnlyList<BaseChange> Changes(IReadOnlyList<BaseScript> atBase, IReadOnlyList<MigrationScript> now, string folder, string baseName)
    {
        var changes = new List<BaseChange>();
        if (atBase.Count == 0)
        {
            return changes;
        }
        var byName = now.ToDictionary(script => script.Name, StringComparer.Ordinal);
        var baseNames = atBase.Select(script => script.Name).ToHashSet(StringComparer.Ordinal);
        var added = now.Where(script => !baseNames.Contains(script.Name)).ToList();
        var renamedTo = new HashSet<string>(StringComparer.Ordinal);
        var highest = atBase[^1];
        var after = $"give it a number after {ScriptName.Digits(highest.Name)}";
        var unapplied = $"if no tenant has applied it (it failed on every one), prove that from the journals with --unapplied-on <stack> ({ProofRunbook})";
        foreach (var old in atBase)
        {
            var path = $"{folder}/{old.Name}";
            if (byName.TryGetValue(old.Name, out var current))
            {
                if (current.Sha256 != old.Sha256)
                {
                    changes.Add(new BaseChange(BaseChangeKind.Edited, old, new ScriptFinding(path,
                        $"edited since {baseName} (SHA-256 {old.Sha256[..12]}… there, {current.Sha256[..12]}… here): every tenant that applied it refuses to migrate",
                        $"restore it (git checkout {baseName} -- {path}) and put the change in a new script; {after}; {unapplied}.")));
                }
                continue;
            }
            if (added.FirstOrDefault(script => script.Sha256 == old.Sha256 && !renamedTo.Contains(script.Name)) is { } renamed)
            {
                renamedTo.Add(renamed.Name);
                changes.Add(new BaseChange(BaseChangeKind.Renamed, old, new ScriptFinding($"{folder}/{renamed.Name}",
                    $"is {old.Name} of {baseName} renamed: tenants know a script by its name, so they would run it a second time and verify would report {old.Name} as unknown",
                    $"rename it back to {old.Name}.")));
                continue;
            }
            changes.Add(new BaseChange(BaseChangeKind.Deleted, old, new ScriptFinding(path,
                $"deleted since {baseName}: tenants that applied it hold it in their journal, and migrate and verify refuse them",
                $"restore it (git checkout {baseName} -- {path}); to undo what it did, add a new script; {after}; {unapplied}.")));
        }
        foreach (var script in added.Where(script => !renamedTo.Contains(script.Name) && script.Number <= highest.Number))
        {
            changes.Add(new BaseChange(BaseChangeKind.NumberedTooLow, new BaseScript(script.Name, script.Number, script.Sha256, script.RunsInTransaction),
                new ScriptFinding($"{folder}/{script.Name}",
                    $"is new but numbered {ScriptName.Digits(script.Name)}, not after {highest.Name} of {baseName}: tenants that have that script would run this one after it, out of order",
                    after + ".")));
        }
        return changes;
    }

    /// <summary>Where the way out of a script that failed everywhere is described.</summary>
    public const string ProofRunbook = "docs/runbooks/migration-failed.md";

    /// <summary>A warning for each no-transaction script with more than one statement that cannot be run twice.</summary>
    public static IEnumerable<ScriptFinding> RetryHazards(IReadOnlyList<MigrationScript> scripts, string folder)
    {
        foreach (var script in scripts.Where(script => !script.RunsInTransaction))
        {
            var hazards = ScriptConnectionManager.Statements(script.Contents)
                .Select(StatementWords.Of)
                .Where(words => words.Length > 0)
                .Select(words => (Words: words, Hazard: RetrySafety.Hazard(words)))
                .Where(statement => statement.Hazard is not null)
                .ToList();
            if (hazards.Count > 1)
            {
                var listed = string.Join("; ", hazards.Select(h => $"'{Shorten(h.Words)}' {h.Hazard}"));
                yield return new ScriptFinding($"{folder}/{script.Name}",
                    $"runs outside a transaction ({MigrationScript.NoTransactionMarker}) with {hazards.Count} statements that cannot safely run twice ({listed}); " +
                    "a failure after the first leaves it applied and the next run repeats it",
                    "make each one safe to repeat (IF NOT EXISTS, IF EXISTS, OR REPLACE, drop a leftover INVALID index first), or give each its own script.",
                    IsWarning: true);
            }
        }
    }

    private static string Shorten(string words) => words.Length <= 60 ? words : words[..57] + "...";
}

/// <summary>How a script of the base changed in the folder under review.</summary>
internal enum BaseChangeKind
{
    /// <summary>Its content changed (its checksum differs).</summary>
    Edited,

    /// <summary>It is gone, and a new script has its exact content.</summary>
    Renamed,

    /// <summary>It is gone.</summary>
    Deleted,

    /// <summary>A new script numbered at or below the base's highest (<see cref="BaseChange.Script"/> is the new one).</summary>
    NumberedTooLow,
}

/// <summary>One change since the base, the script it is about, and the finding that refuses it.</summary>
internal sealed record BaseChange(BaseChangeKind Kind, BaseScript Script, ScriptFinding Finding);

/// <summary>
/// Which statements of a <c>-- tenantdb:no-transaction</c> script cannot safely run twice, read from their text
/// alone (docs/migrations.md lists the rules). Such a script is journaled after its last statement, so a failure
/// part-way makes the next run repeat the statements that had already succeeded.
/// </summary>
internal static partial class RetrySafety
{
    /// <summary>Why <paramref name="words"/> (see <see cref="StatementWords"/>) cannot be repeated safely, or null when it can or cannot be told.</summary>
    public static string? Hazard(string words)
    {
        if (DataChange().IsMatch(words))
        {
            return "changes rows, and would change them again";
        }
        if (words.StartsWith("CREATE ", StringComparison.Ordinal))
        {
            return ConcurrentIndexIfNotExists().IsMatch(words) ? "keeps an INVALID index an interrupted build left behind (IF NOT EXISTS finds it)"
                : words.Contains(" IF NOT EXISTS ", StringComparison.Ordinal) || words.StartsWith("CREATE OR REPLACE ", StringComparison.Ordinal) ? null
                : "fails when the object exists";
        }
        if (words.StartsWith("DROP ", StringComparison.Ordinal))
        {
            return words.Contains(" IF EXISTS", StringComparison.Ordinal) ? null : "fails when the object is gone";
        }
        if (words.StartsWith("ALTER ", StringComparison.Ordinal))
        {
            return AlterRename().IsMatch(words) ? "renames, and fails the second time"
                : AlterAdd().IsMatch(words) ? "adds without IF NOT EXISTS, and fails the second time"
                : AlterDrop().IsMatch(words) ? "drops without IF EXISTS, and fails the second time"
                : AlterPartition().IsMatch(words) ? "attaches or detaches a partition, and fails the second time"
                : null;
        }
        return null;
    }

    [GeneratedRegex(@"^(WITH .*\b)?(INSERT|UPDATE|DELETE|MERGE|COPY)\b")]
    private static partial Regex DataChange();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS\b")]
    private static partial Regex ConcurrentIndexIfNotExists();

    [GeneratedRegex(@"\bRENAME\b")]
    private static partial Regex AlterRename();

    [GeneratedRegex(@"\bADD (?!((COLUMN|VALUE) )?IF NOT EXISTS\b)")]
    private static partial Regex AlterAdd();

    [GeneratedRegex(@"\bDROP (?!((COLUMN|CONSTRAINT) )?IF EXISTS\b|DEFAULT\b|NOT NULL\b|EXPRESSION\b|IDENTITY\b)")]
    private static partial Regex AlterDrop();

    [GeneratedRegex(@"\b(ATTACH|DETACH) PARTITION\b")]
    private static partial Regex AlterPartition();
}
