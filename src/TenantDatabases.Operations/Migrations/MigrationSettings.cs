using System.Globalization;

namespace TenantDatabases.Operations.Migrations;

/// <summary>How each tenant is migrated.</summary>
public sealed record MigrationSettings(MigrationScripts Scripts, TimeSpan LockTimeout, TimeSpan? StatementTimeout, bool DryRun)
{
    /// <summary>Default wait for the tenant's migration lock (and for each lock a statement waits for).</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Default limit of one statement.</summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Npgsql's own limit per command: beyond the server's statement_timeout, so the server's error (SQLSTATE
    /// 57014) is what reports a slow statement; none when statements are unlimited.
    /// </summary>
    public int? CommandTimeoutSeconds => StatementTimeout is { } limit ? (int)Math.Ceiling(limit.TotalSeconds) + 30 : null;

    /// <summary>
    /// The session settings of the migration connection. client_connection_check_interval (PostgreSQL 14+) makes a
    /// server notice a killed runner within a second even in the middle of a long statement, and roll it back.
    /// </summary>
    public string SessionSetupSql =>
        $"""
        SET lock_timeout = {Milliseconds(LockTimeout)};
        SET statement_timeout = {(StatementTimeout is { } limit ? Milliseconds(limit) : "0")};
        SELECT set_config('client_connection_check_interval', '1000', false) WHERE current_setting('server_version_num')::int >= 140000;
        """;

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
