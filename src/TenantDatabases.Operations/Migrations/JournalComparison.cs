namespace TenantDatabases.Operations.Migrations;

/// <summary>A script applied earlier whose content is no longer what was applied.</summary>
public sealed record ChangedScript(string Name, DateTimeOffset AppliedAt, string AppliedSha256, string CurrentSha256)
{
    /// <summary>Why the tenant is refused, with the script's name and when it was applied.</summary>
    public string Describe() =>
        $"{Name} was applied on {AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC and has changed since (SHA-256 {AppliedSha256[..12]}… then, {CurrentSha256[..12]}… now); " +
        "restore the applied script and put the change in a new numbered script.";
}

/// <summary>
/// What a tenant's journal says about a script set: which scripts are pending, which applied ones changed, and
/// which applied ones the set lacks (<see cref="Unknown"/>: the folder is older than the tenant, or a script was
/// deleted or renamed).
/// </summary>
public sealed record JournalComparison(IReadOnlyList<MigrationScript> Pending, IReadOnlyList<ChangedScript> Changed, IReadOnlyList<JournalEntry> Unknown)
{
    /// <summary>Compares <paramref name="journal"/> with <paramref name="scripts"/>.</summary>
    public static JournalComparison Compare(MigrationScripts scripts, IReadOnlyList<JournalEntry> journal)
    {
        var applied = journal.ToDictionary(entry => entry.ScriptName, StringComparer.Ordinal);
        var pending = scripts.All.Where(script => !applied.ContainsKey(script.Name)).ToList();
        var changed = scripts.All
            .Where(script => applied.TryGetValue(script.Name, out var entry) && entry.Sha256 != script.Sha256)
            .Select(script => new ChangedScript(script.Name, applied[script.Name].AppliedAt, applied[script.Name].Sha256, script.Sha256))
            .ToList();
        var unknown = journal.Where(entry => scripts.Find(entry.ScriptName) is null).ToList();
        return new JournalComparison(pending, changed, unknown);
    }

    /// <summary>Why a tenant whose journal holds scripts the folder lacks is refused: each such script and when it was applied.</summary>
    public string DescribeUnknown() =>
        $"the journal holds {string.Join(", ", Unknown.Select(entry => $"{ScriptName.Display(entry.ScriptName)} (applied {entry.AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)"))}, " +
        $"which the scripts folder lacks; the folder is older than what migrated this tenant, or the script was deleted or renamed: " +
        "use the folder of the last deploy, or restore the script under its name.";
}
