// Preflight: the "Test connection" of every server before pulumi up.
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The preflight use-case in two steps, so that a caller can show the stack's warnings and start its log between
/// them: load the stack with its servers' passwords, then check every server at once.
/// </summary>
public static class PreflightRun
{
    /// <summary>The validated stack and its servers' passwords, or what stopped them.</summary>
    public static Task<ConnectableStackResult> LoadAsync(PreflightRequest request, Func<string, string?> environment, CancellationToken cancellationToken) =>
        ConnectableStackLoader.LoadAsync(request.WorkingDirectory, request.Stack, request.ConfigJson, needsPasswords: true, environment, cancellationToken);

    /// <summary>Checks every server of a loaded stack; cancelling the token aborts the checks in flight.</summary>
    public static Task<PreflightReport> CheckAsync(
        PreflightRequest request, ConnectableStackResult stack, ILoggerFactory? logs, CancellationToken cancellationToken) =>
        CheckAsync(request, stack, logs, RunCancellation.Immediate(cancellationToken));

    /// <summary>Checks every server of a loaded stack; one report per server, in the stack's order, even when cancelled.</summary>
    public static Task<PreflightReport> CheckAsync(
        PreflightRequest request, ConnectableStackResult stack, ILoggerFactory? logs, RunCancellation cancellation)
    {
        if (!stack.Succeeded)
        {
            throw new ArgumentException("A stack that did not load has no servers to check.", nameof(stack));
        }
        return FleetPreflight.RunAsync(request.Stack, PreflightTarget.ForStack(stack.Configuration, stack.Passwords), request.Timeout, logs, cancellation);
    }
}

/// <summary>What <c>tenantdb preflight</c> was asked to check.</summary>
/// <param name="Stack">The stack whose servers are checked.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c> to read instead of the stack file, or null.</param>
/// <param name="Timeout">Bound of each server's whole check.</param>
public sealed record PreflightRequest(string Stack, string? WorkingDirectory, string? ConfigJson, TimeSpan Timeout);

/// <summary>
/// The reports of every server of a stack, in the stack's order; <see cref="Cancelled"/> when the run was cancelled
/// (SIGINT/SIGTERM), and a server it did not finish has a <see cref="CheckNames.Run"/> error that says so.
/// </summary>
public sealed record PreflightReport(string Stack, IReadOnlyList<ServerReport> Servers, TimeSpan Elapsed, bool Cancelled = false)
{
    /// <summary>The worst status of any server.</summary>
    public CheckStatus Status => Servers.Count == 0 ? CheckStatus.Ok : Servers.Max(server => server.Status);
}

/// <summary>Every check of one server, in the order they ran.</summary>
/// <param name="Server">The server's name in the stack.</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
/// <param name="Checks">What was checked; checks after a failed connection are not run.</param>
/// <param name="Elapsed">Wall time of this server's checks.</param>
public sealed record ServerReport(string Server, string Host, int Port, IReadOnlyList<PreflightCheck> Checks, TimeSpan Elapsed)
{
    /// <summary>The worst status of any check.</summary>
    public CheckStatus Status => Checks.Count == 0 ? CheckStatus.Ok : Checks.Max(check => check.Status);

    /// <summary>The check named <paramref name="name"/>, or null when it did not run.</summary>
    public PreflightCheck? Find(string name) => Checks.FirstOrDefault(check => check.Name == name);
}

/// <summary>Checks every server of a stack at once; the whole run takes about as long as the slowest server, at most the timeout.</summary>
public static class FleetPreflight
{
    /// <summary>The default bound of each server's checks.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks <paramref name="targets"/> concurrently; one report per target, in the same order.</summary>
    public static Task<PreflightReport> RunAsync(
        string stack, IReadOnlyList<PreflightTarget> targets, TimeSpan timeout, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        RunAsync(stack, targets, timeout, loggerFactory, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Checks <paramref name="targets"/> concurrently. After <see cref="RunCancellation.Stop"/> no server starts and
    /// those in flight finish (each within the timeout; the checks only read); <see cref="RunCancellation.Abort"/>
    /// stops waiting for them. Either way every server has a report.
    /// </summary>
    public static async Task<PreflightReport> RunAsync(
        string stack, IReadOnlyList<PreflightTarget> targets, TimeSpan timeout, ILoggerFactory? loggerFactory, RunCancellation cancellation)
    {
        var clock = Stopwatch.StartNew();
        var reports = await EveryServerAsync(targets, target => target,
            (target, abort) => new ServerPreflight(target, timeout, loggerFactory, stack).RunAsync(abort), cancellation);
        return new PreflightReport(stack, reports, clock.Elapsed, cancellation.IsStopRequested);
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every server at once, as preflight does and status too: one report per item, in
    /// the same order. After <see cref="RunCancellation.Stop"/> no server starts and those in flight finish;
    /// <see cref="RunCancellation.Abort"/> stops waiting for them.
    /// </summary>
    internal static Task<ServerReport[]> EveryServerAsync<T>(
        IReadOnlyList<T> items, Func<T, PreflightTarget> targetOf, Func<T, CancellationToken, Task<ServerReport>> check, RunCancellation cancellation) =>
        Task.WhenAll(items.Select(item => CheckAsync(targetOf(item), abort => check(item, abort), cancellation)));

    private static async Task<ServerReport> CheckAsync(PreflightTarget target, Func<CancellationToken, Task<ServerReport>> check, RunCancellation cancellation)
    {
        if (cancellation.IsStopRequested)
        {
            return NotChecked(target, "Not checked: the run was cancelled before this server's checks started.", TimeSpan.Zero);
        }
        var clock = Stopwatch.StartNew();
        try
        {
            // Task.Run: the synchronous start of one server's checks (DNS, socket set-up) never delays the others.
            return await Task.Run(() => check(cancellation.Abort), cancellation.Abort).WaitAsync(cancellation.Abort);
        }
        catch (OperationCanceledException) when (cancellation.Abort.IsCancellationRequested)
        {
            return NotChecked(target, "Not finished: the run was cancelled a second time while this server was being checked.", clock.Elapsed);
        }
    }

    private static ServerReport NotChecked(PreflightTarget target, string message, TimeSpan elapsed) =>
        new(target.Server.Name, target.Server.Host, target.Server.Port,
            [PreflightCheck.Error(CheckNames.Run, message, "Rerun the command.")], elapsed);
}

/// <summary>
/// Checks one server, step by step, within one deadline for the whole server: the admin's session (dns, tcp, tls,
/// auth) that status opens too, then version, CREATEDB/CREATEROLE, writable primary, SET ROLE, connections, capacity
/// and orphans on it.
/// </summary>
/// <param name="stack">The stack the server belongs to, named in fixes that change its configuration.</param>
public sealed class ServerPreflight(PreflightTarget target, TimeSpan timeout, ILoggerFactory? loggerFactory = null, string? stack = null)
{
    /// <summary>Runs every check; returns by the deadline whatever the server does.</summary>
    public Task<ServerReport> RunAsync(CancellationToken cancellationToken = default) =>
        new AdminSession(target, timeout, loggerFactory, stack).RunAsync(CheckAsync, TimeSpan.Zero, cancellationToken);

    private async Task CheckAsync(AdminSession.Open session, CancellationToken cancellationToken)
    {
        var (connection, facts, log, begin) = session;
        var server = target.Server;
        log.Add(ServerStateChecks.Version(facts));
        log.Add(RoleChecks.CreateDb(facts, server.Username));
        log.Add(RoleChecks.CreateRole(facts, server.Username));
        log.Add(ServerStateChecks.Primary(facts));
        begin(CheckNames.SetRole);
        if (await RoleChecks.SetRoleAsync(connection, facts, server.Username, cancellationToken) is { } setRole)
        {
            log.Add(setRole);
        }
        log.Add(ServerStateChecks.Connections(facts));
        begin(CheckNames.Capacity);
        var present = await ServerFacts.TenantDatabasesAsync(connection, target.DatabasePrefix, cancellationToken);
        log.Add(TenantDatabaseChecks.Capacity(server, present, target.DeclaredDatabases));
        log.Add(TenantDatabaseChecks.Orphans(present, target.DeclaredDatabases, target.DatabasePrefix));
    }
}

/// <summary>
/// One server to check: its definition, the admin password (from a secret source, never from the model),
/// and the tenant databases the stack declares on it.
/// </summary>
public sealed record PreflightTarget(ServerDefinition Server, string Password, string DatabasePrefix, IReadOnlyList<string> DeclaredDatabases)
{
    /// <summary>Every server of <paramref name="configuration"/>, in its order, with its password and declared tenant databases.</summary>
    public static IReadOnlyList<PreflightTarget> ForStack(FleetConfiguration configuration, ServerPasswords passwords)
    {
        var prefix = configuration.Settings.DatabasePrefix;
        return configuration.Servers.Select(server => new PreflightTarget(
                server,
                passwords.For(server.Name) ?? "",
                prefix,
                configuration.TenantsOn(server.Name)
                    .Select(tenant => TenantNaming.DatabaseOf(prefix, tenant)).ToList()))
            .ToList();
    }

    /// <summary>Names the server only, so the password never reaches a log or a message through this record.</summary>
    public override string ToString() => $"PreflightTarget {{ Server = {Server.Name}, Host = {Server.Host}, Port = {Server.Port} }}";
}
