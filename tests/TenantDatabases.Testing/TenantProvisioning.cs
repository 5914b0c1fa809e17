using System.Security.Cryptography;
using Npgsql;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Testing;

/// <summary>
/// Creates tenant databases on a <see cref="TestPostgresServer"/> exactly as the Pulumi program declares
/// them, as the admin <c>provisioner</c> over TCP: an owner role (LOGIN, password, connection limit) granted
/// to the admin, a database owned by it from template0 in UTF8 with the same limit, and no PUBLIC access.
/// </summary>
public static class TenantProvisioning
{
    /// <summary>The default database prefix of a stack.</summary>
    public const string DefaultPrefix = "tenant_";

    /// <summary>Creates the tenant <paramref name="tenantId"/> with names from <see cref="TenantNaming"/>.</summary>
    public static Task<ProvisionedTenant> CreateAsync(
        TestPostgresServer server, string tenantId, string region = "local", int connectionLimit = 20,
        string prefix = DefaultPrefix, CancellationToken cancellationToken = default) =>
        CreateAsync(server, tenantId, TenantNaming.DatabaseName(prefix, tenantId), TenantNaming.RoleName(prefix, tenantId),
            region, connectionLimit, cancellationToken);

    /// <summary>Creates a tenant with explicit database and owner names (e.g. hostile ones, to prove quoting).</summary>
    public static async Task<ProvisionedTenant> CreateAsync(
        TestPostgresServer server, string tenantId, string database, string owner, string region = "local",
        int connectionLimit = 20, CancellationToken cancellationToken = default)
    {
        var password = "tenant-pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        var role = SqlIdentifier.Quote(owner);
        var db = SqlIdentifier.Quote(database);
        // Utility statements take no parameters: the password is a bound value that format(%L) quotes.
        await ExecuteAsync(connection,
            """
            SELECT set_config('tenantdb.role', @role, false), set_config('tenantdb.secret', @secret, false),
                   set_config('tenantdb.limit', @limit, false);
            DO $create$
            BEGIN
              EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s',
                current_setting('tenantdb.role'), current_setting('tenantdb.secret'), current_setting('tenantdb.limit')::int);
            END
            $create$;
            SELECT set_config('tenantdb.secret', '', false);
            """,
            cancellationToken, ("role", owner), ("secret", password), ("limit", connectionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // PostgreSQL 16+: CREATE DATABASE ... OWNER needs the admin to be able to SET ROLE to the owner.
        await ExecuteAsync(connection, $"GRANT {role} TO {SqlIdentifier.Quote(TestPostgresServer.AdminUser)}", cancellationToken);
        await ExecuteAsync(connection,
            $"CREATE DATABASE {db} OWNER {role} TEMPLATE template0 ENCODING 'UTF8' CONNECTION LIMIT {connectionLimit}", cancellationToken);
        await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {db} FROM PUBLIC", cancellationToken);
        return new ProvisionedTenant(tenantId, server.Name, region, "127.0.0.1", server.Port, database, owner, password);
    }

    /// <summary>Creates <paramref name="tenantIds"/> one after another (parallel GRANTs on one server can conflict).</summary>
    public static async Task<IReadOnlyList<ProvisionedTenant>> CreateManyAsync(
        TestPostgresServer server, IEnumerable<string> tenantIds, CancellationToken cancellationToken = default)
    {
        var created = new List<ProvisionedTenant>();
        foreach (var tenantId in tenantIds)
        {
            created.Add(await CreateAsync(server, tenantId, cancellationToken: cancellationToken));
        }
        return created;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
