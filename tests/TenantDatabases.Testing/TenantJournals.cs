using Npgsql;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Testing;

/// <summary>
/// Schema levels for tests: a small migrations/ folder in a project, and a tenant's journal written as its owner
/// holding the first scripts of it, as migrate leaves a tenant it stopped at that script.
/// </summary>
public static class TenantJournals
{
    /// <summary>Writes <paramref name="count"/> trivial numbered scripts into <paramref name="projectDirectory"/>/migrations.</summary>
    public static IReadOnlyList<MigrationScript> WriteScripts(string projectDirectory, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(projectDirectory, MigrationsFolder.Name)).FullName;
        var scripts = new List<MigrationScript>();
        for (var number = 1; number <= count; number++)
        {
            var name = $"{number:0000}_step_{number}.sql";
            var contents = $"CREATE TABLE step_{number} (id int PRIMARY KEY);\n";
            File.WriteAllText(Path.Combine(folder, name), contents);
            scripts.Add(new MigrationScript(name, number, contents));
        }
        return scripts;
    }

    /// <summary>Creates <paramref name="tenant"/>'s journal as its owner and records <paramref name="applied"/> in it.</summary>
    public static async Task WriteAsync(ProvisionedTenant tenant, IEnumerable<MigrationScript> applied, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = tenant.Host, Port = tenant.Port, Username = tenant.Username, Password = tenant.Password, Database = tenant.Database,
            Pooling = false, SslMode = SslMode.Disable,
        }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await SchemaJournal.EnsureAsync(connection, cancellationToken);
        foreach (var script in applied)
        {
            await using var command = new NpgsqlCommand(SchemaJournal.InsertSql, connection);
            command.Parameters.AddWithValue("name", script.Name);
            command.Parameters.AddWithValue("sha256", script.Sha256);
            command.Parameters.AddWithValue("in_transaction", script.RunsInTransaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
