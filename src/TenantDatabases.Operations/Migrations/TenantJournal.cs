using System.Data;
using DbUp.Engine;
using Npgsql;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// DbUp's view of <see cref="SchemaJournal"/>. The entries were read under the tenant's lock just before, and
/// the table was created then; each new entry is written with the script's own command factory, so it commits
/// in the script's transaction.
/// </summary>
internal sealed class TenantJournal(IReadOnlyList<JournalEntry> entries, MigrationScripts scripts) : IJournal
{
    public string[] GetExecutedScripts() => entries.Select(entry => entry.ScriptName).ToArray();

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        using var command = (NpgsqlCommand)dbCommandFactory();
        command.CommandText = SchemaJournal.InsertSql;
        command.Parameters.AddWithValue("name", script.Name);
        command.Parameters.AddWithValue("sha256", MigrationScript.Checksum(script.Contents));
        command.Parameters.AddWithValue("in_transaction", scripts.Find(script.Name)?.RunsInTransaction ?? true);
        command.ExecuteNonQuery();
    }

    // The table exists already: it was created under the lock before DbUp started.
    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
    }
}
