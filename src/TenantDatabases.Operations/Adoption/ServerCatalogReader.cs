using Npgsql;
using TenantDatabases.Fleet;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Adoption;

/// <summary>
/// Reads what adopt needs of a server, as its admin, exactly as preflight connects (no pool, bounded timeouts), in a
/// session that PostgreSQL itself keeps read-only: every database, with the properties the provider's Database Read
/// sets, and every role that owns one of them (the admin aside), with the attributes the provider's Role Read sets.
/// Two SELECTs; nothing is written, locked or created.
/// </summary>
internal static class ServerCatalogReader
{
    /// <summary>What <c>application_name</c> adopt's session shows on the server.</summary>
    public const string Purpose = "adopt";

    // datcollate and datctype are of type name before PostgreSQL 15 and text from 15: cast, so every version reads alike.
    private const string DatabasesSql =
        """
        SELECT d.datname::text, pg_catalog.pg_get_userbyid(d.datdba)::text, pg_catalog.pg_encoding_to_char(d.encoding)::text,
               d.datcollate::text, d.datctype::text, d.datconnlimit, d.datallowconn, d.datistemplate
        FROM pg_catalog.pg_database d
        """;

    // The admin may join a role (the membership the program grants) when it is a superuser, when it holds ADMIN OPTION on
    // it, or before PostgreSQL 16 when it has CREATEROLE and the role is no superuser.
    private const string RolesSql =
        """
        SELECT r.rolname::text, r.rolcanlogin, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolinherit,
               r.rolvaliduntil::text, r.rolconnlimit,
               ARRAY(SELECT pg_catalog.pg_get_userbyid(m.roleid)::text FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid ORDER BY 1),
               coalesce(r.rolconfig, '{}'::text[]),
               (SELECT count(*) FROM pg_catalog.pg_database o WHERE o.datdba = r.oid)::int,
               a.rolsuper
                 OR EXISTS (SELECT FROM pg_catalog.pg_auth_members m WHERE m.roleid = r.oid AND m.member = a.oid AND m.admin_option)
                 OR (current_setting('server_version_num')::int < 160000 AND a.rolcreaterole AND NOT r.rolsuper)
        FROM pg_catalog.pg_roles r, pg_catalog.pg_roles a
        WHERE a.rolname = current_user AND r.oid <> a.oid AND r.oid IN (SELECT datdba FROM pg_catalog.pg_database)
        """;

    /// <summary>The catalog of <paramref name="target"/>'s server, or what stopped the read (never a password).</summary>
    public static async Task<Result<ServerCatalog>> ReadAsync(PreflightTarget target, TimeSpan timeout, string? stack, CancellationToken cancellationToken)
    {
        var server = target.Server;
        await using var dataSource = AdminConnection.Create(target, timeout, null, Purpose, readOnly: true);
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            var check = error is NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } or TimeoutException
                ? null
                : AdminConnection.Classify(error, target, stack);
            return Result<ServerCatalog>.Refused(check is null
                ? $"Cannot reach server '{server.Name}' at {server.Host}:{server.Port}: {new SecretMask([target.Password]).Apply(ConnectionFailure.Describe(error))} " +
                  $"Nothing was written. Fix: start the server, or correct its host and port; 'tenantdb preflight --stack {stack ?? "<stack>"}' checks every step."
                : $"Cannot log in to server '{server.Name}' as \"{server.Username}\": {check.Message} Nothing was written. Fix: {check.Fix}");
        }
        await using (connection)
        {
            try
            {
                var databases = new List<ServerDatabase>();
                await using (var command = new NpgsqlCommand(DatabasesSql, connection))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        databases.Add(new ServerDatabase(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                            reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6), reader.GetBoolean(7)));
                    }
                }
                var roles = new Dictionary<string, ServerRole>(StringComparer.Ordinal);
                await using (var command = new NpgsqlCommand(RolesSql, connection))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var name = reader.GetString(0);
                        roles[name] = new ServerRole(name, reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4),
                            reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                            reader.GetInt32(9), reader.GetFieldValue<string[]>(10), reader.GetFieldValue<string[]>(11), reader.GetInt32(12), reader.GetBoolean(13));
                    }
                }
                return Result<ServerCatalog>.Of(new ServerCatalog(databases, roles));
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // A server that stops or restarts mid-read: the whole read is refused, so no stack file is ever written from half a catalog.
                var why = ConnectionFailure.SqlState(error) is { } sqlState
                    ? $"{new SecretMask([target.Password]).Apply(ConnectionFailure.Describe(error))} (SQLSTATE {sqlState})"
                    : ConnectionFailure.IsTimeout(error) ? $"no answer within {timeout.TotalSeconds:0} s" : "the connection was lost (the server stopped, restarted or became unreachable)";
                return Result<ServerCatalog>.Refused(
                    $"Server '{server.Name}' ({server.Host}:{server.Port}) stopped answering while adopt read its databases: {why}. " +
                    "Nothing was written. Fix: run adopt again once the server is back (or raise --timeout).");
            }
        }
    }
}
