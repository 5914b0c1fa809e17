using System.Diagnostics;
using Npgsql;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The session advisory lock that lets one runner at a time migrate a tenant database. Advisory locks are per
/// database, so one key serves every tenant; the lock goes with its connection, so a killed runner never leaves
/// it behind (unlike a lock row).
/// </summary>
public static class MigrationLock
{
    /// <summary>The key: the ASCII bytes of "tenantdb" as a bigint.</summary>
    public const long Key = 0x74656E616E746462;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Takes the lock on <paramref name="connection"/>, retrying with a growing, jittered delay until
    /// <paramref name="timeout"/>. Returns null when taken; otherwise who holds it.
    /// </summary>
    public static async Task<string?> AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var delay = FirstDelay;
        while (true)
        {
            if (await TryAcquireAsync(connection, cancellationToken))
            {
                return null;
            }
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return await DescribeHolderAsync(connection, timeout, cancellationToken);
            }
            var jittered = delay * (0.5 + Random.Shared.NextDouble());
            await Task.Delay(jittered < left ? jittered : left, cancellationToken);
            delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
        }
    }

    private static async Task<bool> TryAcquireAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<string> DescribeHolderAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as classid (high half) and objid (low half), objsubid 1.
        await using var command = new NpgsqlCommand(
            """
            SELECT a.pid, coalesce(a.application_name, ''), a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = @high AND l.objid::bigint = @low
            LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("high", Key >> 32);
        command.Parameters.AddWithValue("low", Key & 0xFFFFFFFF);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Sessions of other roles show without their details; the usual holder is another runner as the same owner.
        var holder = !await reader.ReadAsync(cancellationToken) ? ""
            : reader.IsDBNull(2) ? $" (held by server process {reader.GetInt32(0)})"
            : $" (held by server process {reader.GetInt32(0)}, '{reader.GetString(1)}', connected since {reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime:HH:mm:ss} UTC)";
        return $"another runner held this tenant's migration lock for longer than {timeout.TotalSeconds:0} s{holder}; " +
            "let it finish, or raise --lock-timeout.";
    }
}
