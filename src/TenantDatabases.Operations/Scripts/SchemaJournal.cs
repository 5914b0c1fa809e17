using Npgsql;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Operations.Scripts;

/// <summary>
/// The journal table in each tenant database: one row per applied script (its name is the primary key, so no
/// script can be journaled twice), with the script's SHA-256 and when it was applied. Kept in its own schema so
/// the tenant's application never sees it among its tables.
/// </summary>
public static class SchemaJournal
{
    /// <summary>Schema of the journal.</summary>
    public const string Schema = "tenantdb";

    /// <summary>Table of the journal.</summary>
    public const string Table = "schema_journal";

    /// <summary>The journal's qualified, quoted name.</summary>
    public static string QualifiedName => $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(Table)}";

    /// <summary>The expression that is NULL while the journal does not exist.</summary>
    public static string ExistsExpression => $"to_regclass('{Schema}.{Table}')";

    /// <summary>Every entry, oldest first; empty when the journal does not exist yet (a fresh tenant).</summary>
    public static async Task<IReadOnlyList<JournalEntry>> ReadAsync(NpgsqlConnection connection, bool knownToExist, CancellationToken cancellationToken)
    {
        if (!knownToExist && !await ExistsAsync(connection, cancellationToken))
        {
            return [];
        }
        await using var command = new NpgsqlCommand($"SELECT script_name, sha256, applied_at FROM {QualifiedName} ORDER BY applied_at, script_name", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new JournalEntry(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return entries;
    }

    /// <summary>True when the journal table exists in the connected database.</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {ExistsExpression} IS NOT NULL", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The journal's schema and table, created when missing: its one definition (tests that stand in for a migrated tenant use it too).</summary>
    public static string CreateSql => $$"""
        CREATE SCHEMA IF NOT EXISTS {{SqlIdentifier.Quote(Schema)}};
        CREATE TABLE IF NOT EXISTS {{QualifiedName}} (
            script_name    text        PRIMARY KEY,
            sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            applied_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
            in_transaction boolean     NOT NULL
        );
        """;

    /// <summary>Creates the journal when missing; called only while holding the tenant's migration lock.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CreateSql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The INSERT of one entry; runs in the script's own transaction when the script has one.</summary>
    public static string InsertSql => $"INSERT INTO {QualifiedName} (script_name, sha256, in_transaction) VALUES (@name, @sha256, @in_transaction)";
}

/// <summary>One applied script as the tenant's journal records it.</summary>
public sealed record JournalEntry(string ScriptName, string Sha256, DateTimeOffset AppliedAt);

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
