using Npgsql;

namespace TenantDatabases.Operations.Preflight;

/// <summary>What the checks need to know about a server, read in one round trip as the admin.</summary>
internal sealed record ServerFacts(
    int VersionNumber,
    string Version,
    bool IsSuperuser,
    bool CanCreateDb,
    bool CanCreateRole,
    bool InRecovery,
    bool DefaultReadOnly,
    int MaxConnections,
    int SuperuserReserved,
    int Reserved,
    int InUse,
    string CreateRoleSelfGrant,
    bool Tls,
    string? TlsVersion)
{
    // The login role's own attributes (session_user), because CREATEDB is not inherited through membership.
    // Other roles' sessions show a null backend_type to a non-superuser: a session with a user and a database counts.
    private const string Query =
        """
        SELECT current_setting('server_version_num')::int,
               current_setting('server_version'),
               r.rolsuper, r.rolcreatedb, r.rolcreaterole,
               pg_is_in_recovery(),
               current_setting('default_transaction_read_only') = 'on',
               current_setting('max_connections')::int,
               current_setting('superuser_reserved_connections')::int,
               coalesce(current_setting('reserved_connections', true), '0')::int,
               (SELECT count(*) FROM pg_stat_activity
                WHERE datid IS NOT NULL AND usesysid IS NOT NULL AND coalesce(backend_type, 'client backend') = 'client backend')::int,
               coalesce(current_setting('createrole_self_grant', true), ''),
               coalesce(s.ssl, false),
               s.version
        FROM pg_roles r
        LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid()
        WHERE r.rolname = session_user
        """;

    public static async Task<ServerFacts> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The login role is missing from pg_roles.");
        }
        return new ServerFacts(
            reader.GetInt32(0), reader.GetString(1),
            reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4),
            reader.GetBoolean(5), reader.GetBoolean(6),
            reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
            reader.GetString(11), reader.GetBoolean(12), reader.IsDBNull(13) ? null : reader.GetString(13));
    }

    /// <summary>The tenant-prefixed databases on the server, by name.</summary>
    public static async Task<IReadOnlyList<string>> TenantDatabasesAsync(NpgsqlConnection connection, string prefix, CancellationToken cancellationToken)
    {
        // starts_with, not LIKE: the default prefix's '_' would be a wildcard.
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE starts_with(datname, @prefix) ORDER BY datname", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
