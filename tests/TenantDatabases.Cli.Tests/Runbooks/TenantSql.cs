using Npgsql;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>SQL in a test tenant's database, as its owner (as migrations and the application run) or as the admin.</summary>
internal static class TenantSql
{
    /// <summary>What a migrated tenant holds: the journal (as migrate creates it) with one script, and two tables of the application.</summary>
    public static readonly string MigratedSchema = SchemaJournal.CreateSql +
        $"""
        INSERT INTO {SchemaJournal.QualifiedName} (script_name, sha256, in_transaction) VALUES ('0001_sales.sql', '{new string('a', 64)}', true);
        CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
        CREATE TABLE sales (id serial PRIMARY KEY, customer_id int REFERENCES customers, total numeric(10, 2) NOT NULL);
        """;

    /// <summary>Two customers and three sales.</summary>
    public const string SomeRows =
        """
        INSERT INTO customers VALUES (1, 'Ana'), (2, 'Rui');
        INSERT INTO sales (customer_id, total) VALUES (1, 3.50), (2, 12.00), (1, 7.25);
        """;

    public static string OwnerConnectionString(ProvisionedTenant tenant) => new NpgsqlConnectionStringBuilder
    {
        Host = tenant.Host,
        Port = tenant.Port,
        Database = tenant.Database,
        Username = tenant.Username,
        Password = tenant.Password,
        Pooling = false,
        SslMode = SslMode.Disable,
    }.ConnectionString;

    public static async Task AsOwnerAsync(ProvisionedTenant tenant, string sql)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString(tenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsOwnerAsync<T>(ProvisionedTenant tenant, string sql)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString(tenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task<long> CountAsync(ProvisionedTenant tenant, string table) =>
        ScalarAsOwnerAsync<long>(tenant, $"SELECT count(*) FROM {table}");

    public static async Task<T> ScalarAsAdminAsync<T>(TestPostgresServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task AsAdminAsync(TestPostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh tenant id, so that the tests sharing the servers never meet.</summary>
    public static string NewId(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
}
