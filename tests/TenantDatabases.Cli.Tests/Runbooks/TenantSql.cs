using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>SQL in a test tenant's database, as its owner (as migrations and the application run) or as the admin.</summary>
internal static class TenantSql
{
    /// <summary>What a migrated tenant holds: the journal with one script, and two tables of the application.</summary>
    public const string MigratedSchema =
        """
        CREATE SCHEMA tenantdb;
        CREATE TABLE tenantdb.schema_journal (script_name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO tenantdb.schema_journal (script_name, sha256) VALUES ('0001_sales.sql', 'ab12');
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
