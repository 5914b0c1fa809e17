using System.Diagnostics;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Operations.Status;

/// <summary>
/// One server's row of <c>tenantdb status</c>: its connection status (the checks of the admin's session, as preflight
/// makes them), what it reports, its capacity verdict and the findings on it.
/// </summary>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="Server">Its definition.</param>
/// <param name="Connection">The connection checks; null when the server was not checked (its stack is shown from its file alone).</param>
/// <param name="Readings">What the server reported; null when it was not reached.</param>
/// <param name="Declared">The tenants its stack declares on it.</param>
/// <param name="Capacity">The capacity verdict: declared count and orphans against maxTenants, with the measured load when read.</param>
/// <param name="Findings">Capacity, orphans, missing tenant databases and unreadable load, each a check with its fix.</param>
public sealed record ServerStatus(
    string Stack, ServerDefinition Server, ServerReport? Connection, ServerReadings? Readings, int Declared,
    CapacityAssessment Capacity, IReadOnlyList<PreflightCheck> Findings)
{
    /// <summary>True when the session got through and the server said what it holds; false when a step failed or hung.</summary>
    public bool Reachable => Connection is not null && Readings is not null;

    /// <summary>True when a check of its session failed: unreachable, or reached with an error (version below 13, no connection left).</summary>
    public bool HasError => Connection?.Status == CheckStatus.Error;

    /// <summary>The worst of its connection checks and findings.</summary>
    public CheckStatus Status =>
        new[] { Connection?.Status ?? CheckStatus.Ok }.Concat(Findings.Select(finding => finding.Status)).Max();

    /// <summary>The declared tenant databases that the server lacks, when it was read.</summary>
    public IReadOnlyList<string> Missing(IReadOnlyList<string> declared) =>
        Readings is null ? [] : declared.Except(Readings.Databases.Select(database => database.Name), StringComparer.Ordinal).ToList();
}

/// <summary>What a server reported about itself, read as the admin in one session.</summary>
/// <param name="Version">server_version, e.g. 16.4.</param>
/// <param name="VersionNumber">server_version_num.</param>
/// <param name="Connections">Sessions in use against the usable connections.</param>
/// <param name="MaxConnections">max_connections.</param>
/// <param name="Databases">The databases with the stack's prefix, by name.</param>
/// <param name="TransactionsPerSecond">Commits and rollbacks per second of every database over the sample window; null when not sampled or unreadable.</param>
/// <param name="Window">The sample window as the server's clock measured it; null when not sampled.</param>
/// <param name="TenantSessions">Sessions connected to the tenant databases (pg_stat_database.numbackends); null when unreadable.</param>
/// <param name="StatsProblem">Why pg_stat_database could not be read, when it could not.</param>
public sealed record ServerReadings(
    string Version, int VersionNumber, ConnectionHeadroom Connections, int MaxConnections, IReadOnlyList<DatabaseReading> Databases,
    double? TransactionsPerSecond, TimeSpan? Window, int? TenantSessions, string? StatsProblem)
{
    /// <summary>The total size of the databases whose size could be read.</summary>
    public long TenantBytes => Databases.Sum(database => database.SizeBytes ?? 0);

    /// <summary>How many databases' sizes the admin may not read.</summary>
    public int SizesUnknown => Databases.Count(database => database.SizeBytes is null);
}

/// <summary>A database with the stack's prefix: its name, its size when the admin may read it, and whether a tenant declares it.</summary>
public sealed record DatabaseReading(string Name, long? SizeBytes, bool Declared);

/// <summary>The status steps on an open admin session, and the findings drawn from what they read.</summary>
internal static class ServerStatusSteps
{
    /// <summary>
    /// Version and connections (preflight's own checks), then the load: pg_stat_database, the tenant databases with their
    /// sizes, and after the rest of the sample window pg_stat_database again.
    /// </summary>
    public static async Task<ServerReadings> ReadAsync(AdminSession.Open session, PreflightTarget target, TimeSpan sample, CancellationToken cancellationToken)
    {
        var (connection, facts, log, begin) = session;
        log.Add(ServerStateChecks.Version(facts));
        log.Add(ServerStateChecks.Connections(facts));
        begin(CheckNames.Load);
        var first = await Stats.ReadAsync(connection, target.DatabasePrefix, cancellationToken);
        var window = Stopwatch.StartNew();
        var declared = target.DeclaredDatabases.ToHashSet(StringComparer.Ordinal);
        // Sizing thousands of databases takes the server a second or more: it may use the sample window too.
        var databases = await DatabasesAsync(connection, target.DatabasePrefix, declared, connection.CommandTimeout + (int)Math.Ceiling(sample.TotalSeconds), cancellationToken);
        double? perSecond = null;
        TimeSpan? measured = null;
        if (sample > TimeSpan.Zero && first.Problem is null)
        {
            if (sample - window.Elapsed is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, cancellationToken);
            }
            var second = await Stats.ReadAsync(connection, target.DatabasePrefix, cancellationToken);
            if (second.Problem is null && second.At > first.At)
            {
                measured = second.At - first.At;
                perSecond = (second.Transactions - first.Transactions) / measured.Value.TotalSeconds;
            }
        }
        return new ServerReadings(facts.Version, facts.VersionNumber, facts.Headroom, facts.MaxConnections, databases,
            perSecond, measured, first.Problem is null ? first.TenantSessions : null, first.Problem);
    }

    // Above this many databases the sizes are read on two connections at once: pg_database_size stats every file of
    // a database, so two thousand of them take a small server's core about a second (bench/status).
    private const int SizedInParallelFrom = 200;

    /// <summary>The databases with <paramref name="prefix"/>, with their sizes; on two connections from <paramref name="sizedInParallelFrom"/> of them.</summary>
    internal static async Task<IReadOnlyList<DatabaseReading>> DatabasesAsync(
        NpgsqlConnection connection, string prefix, HashSet<string> declared, int timeoutSeconds, CancellationToken cancellationToken,
        int sizedInParallelFrom = SizedInParallelFrom)
    {
        var names = await NamesAsync(connection, prefix, timeoutSeconds, cancellationToken);
        if (names.Count < sizedInParallelFrom)
        {
            return await SizesAsync(connection, names, declared, timeoutSeconds, cancellationToken);
        }
        // The second connection is the same login (a clone keeps the settings and the password, never shown).
        await using var second = connection.CloneWith(connection.ConnectionString);
        await second.OpenAsync(cancellationToken);
        var half = names.Count / 2;
        var readings = await Task.WhenAll(
            SizesAsync(connection, names[..half], declared, timeoutSeconds, cancellationToken),
            SizesAsync(second, names[half..], declared, timeoutSeconds, cancellationToken));
        return [.. readings[0], .. readings[1]];
    }

    // starts_with: '_' is no wildcard.
    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, string prefix, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix) ORDER BY datname", connection)
        {
            CommandTimeout = timeoutSeconds,
        };
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<IReadOnlyList<DatabaseReading>> SizesAsync(
        NpgsqlConnection connection, List<string> names, HashSet<string> declared, int timeoutSeconds, CancellationToken cancellationToken)
    {
        // pg_database_size needs CONNECT on the database (the admin has it through each owner role) or pg_read_all_stats;
        // an orphan of another owner has neither, and must not fail the whole list.
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname,
                   CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR pg_has_role('pg_read_all_stats', 'USAGE')
                        THEN pg_database_size(d.oid) END
            FROM pg_database d
            WHERE d.datname = ANY(@names)
            ORDER BY d.datname
            """, connection) { CommandTimeout = timeoutSeconds };
        command.Parameters.AddWithValue("names", names.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var databases = new List<DatabaseReading>(names.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            databases.Add(new DatabaseReading(name, reader.IsDBNull(1) ? null : reader.GetInt64(1), declared.Contains(name)));
        }
        return databases;
    }

    /// <summary>One read of pg_stat_database: the server's clock, its transactions so far, and the tenant databases' sessions.</summary>
    private sealed record Stats(DateTimeOffset At, long Transactions, int TenantSessions, string? Problem)
    {
        public static async Task<Stats> ReadAsync(NpgsqlConnection connection, string prefix, CancellationToken cancellationToken)
        {
            try
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT clock_timestamp(), coalesce(sum(xact_commit + xact_rollback), 0)::bigint,
                           coalesce(sum(numbackends) FILTER (WHERE starts_with(datname, @prefix)), 0)::int
                    FROM pg_stat_database
                    """, connection);
                command.Parameters.AddWithValue("prefix", prefix);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new Stats(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetInt32(2), null);
            }
            catch (PostgresException error)
            {
                // Unknown, never zero: a load of zero would say the server is idle.
                return new Stats(default, 0, 0, $"pg_stat_database cannot be read (SQLSTATE {error.SqlState}: {error.MessageText})");
            }
        }
    }
}

/// <summary>The findings of one server: capacity (with the next server of its region), orphans, missing databases, load.</summary>
internal static class ServerFindings
{
    public static IReadOnlyList<PreflightCheck> Of(
        string stack, ServerDefinition server, ServerReadings? readings, PreflightTarget target,
        CapacityAssessment capacity, (ServerDefinition Server, CapacityAssessment Capacity)? next)
    {
        var findings = new List<PreflightCheck> { Capacity(stack, server, capacity, next) };
        if (readings is null)
        {
            return findings;
        }
        var present = readings.Databases.Select(database => database.Name).ToList();
        findings.Add(TenantDatabaseChecks.Orphans(present, target.DeclaredDatabases, target.DatabasePrefix));
        var missing = target.DeclaredDatabases.Except(present, StringComparer.Ordinal).ToList();
        findings.Add(missing.Count == 0
            ? PreflightCheck.Ok(CheckNames.Tenants, $"Every one of the {target.DeclaredDatabases.Count} declared tenants has its database.")
            : PreflightCheck.Warning(CheckNames.Tenants,
                $"{missing.Count} declared tenant(s) have no database on the server: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}.",
                $"Deploy the stack (pulumi up creates them); a tenant deployed before whose database is gone was dropped outside Pulumi: restore it from a backup."));
        findings.Add(Load(server, readings));
        return findings;
    }

    private static PreflightCheck Capacity(string stack, ServerDefinition server, CapacityAssessment capacity, (ServerDefinition Server, CapacityAssessment Capacity)? next)
    {
        var verdict = capacity.Verdict;
        var description = capacity.Describe() + ".";
        if (verdict == CapacityVerdict.Room)
        {
            return PreflightCheck.Ok(CheckNames.Capacity, description);
        }
        var state = verdict switch
        {
            CapacityVerdict.NearlyFull => "Nearly full",
            CapacityVerdict.Full => "Full",
            _ => "Over its limit",
        };
        var region = server.Region is null ? "its stack" : $"region {server.Region}";
        string fix;
        if (next is { } other)
        {
            fix = $"Place new tenants on {other.Server.Name}, the next server of {region} ({other.Capacity.Describe()}): " +
                  $"tenantdb add-tenant <id> --stack {stack} --server {other.Server.Name}" +
                  (server.IsDefault ? $"; make it the default (servers.{other.Server.Name}.default: true, and remove default from {server.Name})." : ".");
        }
        else
        {
            fix = $"No other server of {region} has room: add one (docs/runbooks/add-a-server.md), or raise servers.{server.Name}.maxTenants if the server can take it.";
        }
        return PreflightCheck.Warning(CheckNames.Capacity, $"{state}: {description}", fix);
    }

    private static PreflightCheck Load(ServerDefinition server, ServerReadings readings)
    {
        var role = SqlIdentifier.Quote(server.Username);
        if (readings.StatsProblem is { } problem)
        {
            return PreflightCheck.Warning(CheckNames.Load,
                $"Transactions per second and the tenants' sessions are unknown: {problem}.",
                $"As a role that may grant it: GRANT pg_monitor TO {role}; (pg_monitor includes pg_read_all_stats).");
        }
        if (readings.SizesUnknown > 0)
        {
            return PreflightCheck.Warning(CheckNames.Load,
                $"The size of {readings.SizesUnknown} database(s) with the prefix is unknown: the admin has no CONNECT on them and is not in pg_read_all_stats.",
                $"As a role that may grant it: GRANT pg_read_all_stats TO {role};");
        }
        return PreflightCheck.Ok(CheckNames.Load, "The server's statistics and every tenant database's size are readable.");
    }
}
