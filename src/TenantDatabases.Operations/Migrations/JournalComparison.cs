namespace TenantDatabases.Operations.Migrations;

/// <summary>A script applied earlier whose content is no longer what was applied.</summary>
public sealed record ChangedScript(string Name, DateTimeOffset AppliedAt, string AppliedSha256, string CurrentSha256)
{
    /// <summary>Why the tenant is refused, with the script's name and when it was applied.</summary>
    public string Describe() =>
        $"{Name} was applied on {AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC and has changed since (SHA-256 {AppliedSha256[..12]}… then, {CurrentSha256[..12]}… now); " +
        "restore the applied script and put the change in a new numbered script.";
}

/// <summary>What a tenant's journal says about a script set: which scripts are pending and which applied ones changed.</summary>
public sealed record JournalComparison(IReadOnlyList<MigrationScript> Pending, IReadOnlyList<ChangedScript> Changed)
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
        return new JournalComparison(pending, changed);
    }
}
