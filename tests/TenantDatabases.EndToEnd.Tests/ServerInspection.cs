using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>A tenant database as the server itself describes it.</summary>
internal sealed record DatabaseFacts(uint Oid, string Owner, string Encoding, bool PublicCanConnect);

/// <summary>What a test server holds, read as its superuser: the assertions' ground truth, never Pulumi's state.</summary>
internal static class ServerInspection
{
    public static async Task<DatabaseFacts?> DatabaseAsync(TestPostgresServer server, string database)
    {
        await using var connection = await OpenAsync(server, "postgres");
        await using var command = new NpgsqlCommand(
            """
            SELECT oid, pg_get_userbyid(datdba), pg_encoding_to_char(encoding),
                   has_database_privilege('public', datname, 'CONNECT')
            FROM pg_database WHERE datname = @name
            """, connection);
        command.Parameters.AddWithValue("name", database);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new DatabaseFacts(reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3))
            : null;
    }

    public static async Task<bool> RoleExistsAsync(TestPostgresServer server, string role) =>
        await server.ScalarAsSuperuserAsync<bool>("postgres", "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = @p)", role);

    public static async Task<bool> RoleCanLogInAsync(TestPostgresServer server, string role) =>
        await server.ScalarAsSuperuserAsync<bool>("postgres", "SELECT coalesce((SELECT rolcanlogin FROM pg_roles WHERE rolname = @p), false)", role);

    /// <summary>Whether the server's admin role is a member of <paramref name="role"/> (PostgreSQL 16+ needs it to create the database).</summary>
    public static async Task<bool> AdminIsMemberOfAsync(TestPostgresServer server, string role) =>
        await server.ScalarAsSuperuserAsync<bool>("postgres",
            "SELECT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles a ON a.oid = m.member " +
            $"WHERE r.rolname = @p AND a.rolname = '{TestPostgresServer.AdminUser}')", role);

    public static async Task<bool> TableExistsAsync(TestPostgresServer server, string database, string table) =>
        await server.ScalarAsSuperuserAsync<bool>(database, "SELECT to_regclass(@p) IS NOT NULL", table);

    public static async Task<long> RowCountAsync(TestPostgresServer server, string database, string table) =>
        await server.ScalarAsSuperuserAsync<long>(database, $"SELECT count(*) FROM \"{table}\"");


    private static async Task<NpgsqlConnection> OpenAsync(TestPostgresServer server, string database)
    {
        var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }
}
