using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The admin's session on one server, as preflight and status both open it: <c>dns</c>, <c>tcp</c>, then TLS and the
/// login (<c>tls</c>, <c>auth</c>), each a check of the report, within the timeout; then the caller's own steps on the
/// open connection, knowing what the server said about itself (<see cref="ServerFacts"/>). A server that stops
/// answering gets an error naming the step that hung, and keeps the checks that passed before it.
/// </summary>
/// <param name="stack">The stack the server belongs to, named in fixes that change its configuration.</param>
/// <param name="purpose">The command, shown to the server as the session's application_name.</param>
internal sealed class AdminSession(PreflightTarget target, TimeSpan timeout, ILoggerFactory? loggerFactory, string? stack, string purpose = "preflight")
{
    private readonly ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("tenantdb.preflight");

    /// <summary>What the caller's steps get once the admin has logged in.</summary>
    public sealed record Open(NpgsqlConnection Connection, ServerFacts Facts, CheckLog Log, Action<string> Begin);

    /// <summary>
    /// Opens the session and runs <paramref name="steps"/> on it; returns by the deadline whatever the server does. The
    /// connection steps are bounded by the timeout; <paramref name="steps"/> by the timeout plus <paramref name="extra"/>
    /// from the start (the time a caller's steps wait on purpose, e.g. status's sample window; zero for preflight).
    /// </summary>
    public async Task<ServerReport> RunAsync(Func<Open, CancellationToken, Task> steps, TimeSpan extra, CancellationToken cancellationToken)
    {
        var server = target.Server;
        var clock = Stopwatch.StartNew();
        var log = new CheckLog();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var bound = timeout;
        void LoggedIn()
        {
            if (extra > TimeSpan.Zero && !deadline.IsCancellationRequested)
            {
                bound = timeout + extra;
                var remaining = bound - clock.Elapsed;
                deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
        }
        PreflightCheck? last = null;
        try
        {
            // WaitAsync: a step that ignores cancellation (a resolver, a socket) cannot hold the report back.
            await RunStepsAsync(log, steps, LoggedIn, deadline.Token).WaitAsync(deadline.Token);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested
                                      && (deadline.IsCancellationRequested || error is TimeoutException || error.InnerException is TimeoutException))
        {
            last = PreflightCheck.Error(log.CurrentStep,
                $"No answer from {server.Host}:{server.Port} within {bound.TotalSeconds:0.#} s during the {log.CurrentStep} check" +
                (log.CurrentStep is CheckNames.Dns or CheckNames.Tcp ? "." : ": something accepted the connection but does not speak PostgreSQL, or the server hangs."),
                "Check that host and port point at a responsive PostgreSQL server (not a proxy or another service), or raise --timeout.");
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not OutOfMemoryException)
        {
            last = PreflightCheck.Error(log.CurrentStep, $"Unexpected failure: {new SecretMask([target.Password]).Apply(error.Message)}",
                "Read the server's log; rerun with --verbose.");
        }
        var checks = log.Close(last);
        logger.LogDebug("{Server}: {Count} checks in {Elapsed} ms", server.Name, checks.Count, clock.ElapsedMilliseconds);
        return new ServerReport(server.Name, server.Host, server.Port, checks, clock.Elapsed);
    }

    private async Task RunStepsAsync(CheckLog log, Func<Open, CancellationToken, Task> steps, Action loggedIn, CancellationToken cancellationToken)
    {
        var server = target.Server;
        Begin(log, CheckNames.Dns);
        var (resolved, addresses) = await NetworkProbe.ResolveAsync(server.Host, cancellationToken);
        log.Add(resolved);
        if (resolved.Status == CheckStatus.Error)
        {
            return;
        }
        Begin(log, CheckNames.Tcp);
        var tcp = await NetworkProbe.ConnectAsync(addresses, server.Host, server.Port, cancellationToken);
        log.Add(tcp);
        if (tcp.Status == CheckStatus.Error)
        {
            return;
        }

        Begin(log, server.SslMode == Fleet.Model.SslMode.Disable ? CheckNames.Authentication : CheckNames.Tls);
        await using var dataSource = AdminConnection.Create(target, timeout, loggerFactory, purpose);
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException && !cancellationToken.IsCancellationRequested && error.InnerException is not TimeoutException)
        {
            log.Add(AdminConnection.Classify(error, target, stack));
            return;
        }
        await using (connection)
        {
            Begin(log, CheckNames.Tls);
            var facts = await ServerFacts.ReadAsync(connection, cancellationToken);
            log.Add(ServerStateChecks.Tls(facts, server.SslMode));
            log.Add(PreflightCheck.Ok(CheckNames.Authentication, $"Logged in as \"{server.Username}\" to database \"{server.AdminDatabase}\"."));
            loggedIn();
            await steps(new Open(connection, facts, log, step => Begin(log, step)), cancellationToken);
        }
    }

    private void Begin(CheckLog log, string step)
    {
        log.Begin(step);
        logger.LogDebug("{Server}: {Step} check", target.Server.Name, step);
    }
}

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
    /// <summary>The connections left, by the rule preflight and status share.</summary>
    public ConnectionHeadroom Headroom => new(InUse, MaxConnections - SuperuserReserved - Reserved);

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

/// <summary>
/// The checks of one server as they complete, and the step under way, so that a server that stops
/// answering still gets a report of what passed and where it hung. Closed once the report is taken:
/// a step that finishes after its deadline adds nothing.
/// </summary>
internal sealed class CheckLog
{
    private readonly object gate = new();
    private readonly List<PreflightCheck> checks = [];
    private bool closed;

    /// <summary>The check that is running, named for the timeout message.</summary>
    public string CurrentStep { get; private set; } = CheckNames.Dns;

    public void Begin(string step)
    {
        lock (gate)
        {
            CurrentStep = step;
        }
    }

    public void Add(PreflightCheck check)
    {
        lock (gate)
        {
            if (!closed)
            {
                checks.Add(check);
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (gate)
            {
                return checks.Any(check => check.Status == CheckStatus.Error);
            }
        }
    }

    /// <summary>Takes the checks so far, adds <paramref name="last"/> when given, and ignores later additions.</summary>
    public IReadOnlyList<PreflightCheck> Close(PreflightCheck? last = null)
    {
        lock (gate)
        {
            if (!closed && last is not null)
            {
                checks.Add(last);
            }
            closed = true;
            return checks.ToList();
        }
    }
}
