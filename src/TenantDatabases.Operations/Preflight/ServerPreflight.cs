using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// Checks one server, step by step, within one deadline for the whole server: a server that stops
/// answering gets an error naming the step that hung, and the checks that passed before it.
/// </summary>
/// <param name="stack">The stack the server belongs to, named in fixes that change its configuration.</param>
public sealed class ServerPreflight(PreflightTarget target, TimeSpan timeout, ILoggerFactory? loggerFactory = null, string? stack = null)
{
    private readonly ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("tenantdb.preflight");

    /// <summary>Runs every check; returns by the deadline whatever the server does.</summary>
    public async Task<ServerReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var server = target.Server;
        var clock = Stopwatch.StartNew();
        var log = new CheckLog();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        PreflightCheck? last = null;
        try
        {
            // WaitAsync: a step that ignores cancellation (a resolver, a socket) cannot hold the report back.
            await RunStepsAsync(log, deadline.Token).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested
                                      && (deadline.IsCancellationRequested || error is TimeoutException || error.InnerException is TimeoutException))
        {
            last = PreflightCheck.Error(log.CurrentStep,
                $"No answer from {server.Host}:{server.Port} within {timeout.TotalSeconds:0.#} s during the {log.CurrentStep} check" +
                (log.CurrentStep is CheckNames.Dns or CheckNames.Tcp ? "." : ": something accepted the connection but does not speak PostgreSQL, or the server hangs."),
                "Check that host and port point at a responsive PostgreSQL server (not a proxy or another service), or raise --timeout.");
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not OutOfMemoryException)
        {
            last = PreflightCheck.Error(log.CurrentStep, $"Unexpected failure: {AdminConnection.Scrub(error.Message, target.Password)}",
                "Read the server's log; rerun with --verbose.");
        }
        var checks = log.Close(last);
        logger.LogDebug("{Server}: {Count} checks in {Elapsed} ms", server.Name, checks.Count, clock.ElapsedMilliseconds);
        return new ServerReport(server.Name, server.Host, server.Port, checks, clock.Elapsed);
    }

    private async Task RunStepsAsync(CheckLog log, CancellationToken cancellationToken)
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
        await using var dataSource = AdminConnection.Create(target, timeout, loggerFactory);
        Npgsql.NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException && !cancellationToken.IsCancellationRequested && error.InnerException is not TimeoutException)
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
            log.Add(ServerStateChecks.Version(facts));
            log.Add(RoleChecks.CreateDb(facts, server.Username));
            log.Add(RoleChecks.CreateRole(facts, server.Username));
            log.Add(ServerStateChecks.Primary(facts));
            Begin(log, CheckNames.SetRole);
            if (await RoleChecks.SetRoleAsync(connection, facts, server.Username, cancellationToken) is { } setRole)
            {
                log.Add(setRole);
            }
            log.Add(ServerStateChecks.Connections(facts));
            Begin(log, CheckNames.Capacity);
            var present = await ServerFacts.TenantDatabasesAsync(connection, target.DatabasePrefix, cancellationToken);
            log.Add(TenantDatabaseChecks.Capacity(server, present, target.DeclaredDatabases));
            log.Add(TenantDatabaseChecks.Orphans(present, target.DeclaredDatabases, target.DatabasePrefix));
        }
    }

    private void Begin(CheckLog log, string step)
    {
        log.Begin(step);
        logger.LogDebug("{Server}: {Step} check", target.Server.Name, step);
    }
}
