using System.Net;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.DevServers;

/// <summary>
/// Starts, stops and reports the local servers of a dev stack. Start is idempotent: it creates what is
/// missing, starts what is stopped, and (re)sets the admin role with the stack's password every time.
/// </summary>
public sealed class DevServerFleet(DevServerPlan plan, PostgresBinaries? binaries, LocalServerUser user)
{
    /// <summary>The admin's attributes: what a managed service gives, never superuser.</summary>
    public const string AdminAttributes = "CREATEDB CREATEROLE";

    /// <summary>Starts every server at once; one state per server, in the stack's order.</summary>
    public Task<DevServerState[]> StartAsync(ServerPasswords passwords, CancellationToken cancellationToken) =>
        Task.WhenAll(plan.Servers.Select(entry => StartOneAsync(entry.Server, entry.Spec, passwords.For(entry.Server.Name), cancellationToken)));

    /// <summary>Stops every server that runs.</summary>
    public Task<DevServerState[]> StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(plan.Servers.Select(entry => Guard(entry.Spec, async () =>
        {
            var server = Local(entry.Spec);
            var running = await server.IsRunningAsync(cancellationToken);
            await server.StopAsync(cancellationToken: cancellationToken);
            return State(entry.Spec, await StateOfAsync(entry.Spec, cancellationToken), running ? "Stopped." : "Was not running.");
        })));

    /// <summary>Whether each server exists and runs.</summary>
    public Task<DevServerState[]> StatusAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(plan.Servers.Select(entry => Guard(entry.Spec, async () =>
            State(entry.Spec, await StateOfAsync(entry.Spec, cancellationToken), ""))));

    private Task<DevServerState> StartOneAsync(ServerDefinition definition, LocalServerSpec spec, string? password, CancellationToken cancellationToken) =>
        Guard(spec, async () =>
        {
            if (string.IsNullOrEmpty(password))
            {
                return State(spec, DevServerState.Failure, $"The stack gives no password for {definition.Name}.");
            }
            var server = Local(spec);
            var before = await StateOfAsync(spec, cancellationToken);
            await server.StartAsync(cancellationToken);
            await server.EnsureLoginRoleAsync(definition.Username, password, AdminAttributes, cancellationToken);
            var what = before switch
            {
                "running" => "Already running",
                "stopped" => "Started",
                _ => "Created and started",
            };
            return State(spec, "running", $"{what}; admin \"{definition.Username}\" set.");
        }, password);

    private async Task<string> StateOfAsync(LocalServerSpec spec, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(spec.DataDirectory, "PG_VERSION")))
        {
            return "not created";
        }
        return binaries is not null && await Local(spec).IsRunningAsync(cancellationToken) ? "running" : "stopped";
    }

    private LocalPostgresServer Local(LocalServerSpec spec) =>
        new(spec, binaries ?? throw new LocalServerException("PostgreSQL's server programs are not installed. " + PostgresBinaries.InstallHint), user);

    private static async Task<DevServerState> Guard(LocalServerSpec spec, Func<Task<DevServerState>> action, string? secret = null)
    {
        try
        {
            return await action();
        }
        catch (Exception error) when (error is LocalServerException or TimeoutException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            // A failed statement's context can quote it; the password must not travel with it.
            return State(spec, DevServerState.Failure, new SecretMask(secret is null ? [] : [secret]).Apply(error.Message));
        }
    }

    private static DevServerState State(LocalServerSpec spec, string state, string message) =>
        new(spec.Name, $"{spec.ListenAddress}:{spec.Port}", state, spec.RootDirectory, message);
}

/// <summary>The local servers a stack declares, each with its folder and loopback address; or why the stack cannot run locally.</summary>
public sealed record DevServerPlan(DevServerFolder Folder, IReadOnlyList<(ServerDefinition Server, LocalServerSpec Spec)> Servers, IReadOnlyList<string> Problems)
{
    /// <summary>Maps every server of <paramref name="configuration"/>; a host outside loopback is a problem, and then nothing starts.</summary>
    public static DevServerPlan For(FleetConfiguration configuration, DevServerFolder folder)
    {
        var servers = new List<(ServerDefinition, LocalServerSpec)>();
        var problems = new List<string>();
        foreach (var server in configuration.Servers)
        {
            if (LoopbackHost.ListenAddress(server.Host) is { } address)
            {
                servers.Add((server, new LocalServerSpec(server.Name, server.Port, Path.Combine(folder.Root, server.Name), Durable: true, address)));
            }
            else
            {
                problems.Add($"{ConfigPath.Server(server.Name, ConfigKeys.Host)}: '{server.Host}' is not a loopback address; dev-servers only runs servers on loopback: 127.0.0.1 (or another 127.0.0.0/8 address), ::1 or localhost. " +
                             "Use a stack whose servers are local, such as dev.");
            }
        }
        return new DevServerPlan(folder, servers, problems);
    }
}

/// <summary>The address a local server listens on for a stack host: loopback as Fleet defines it (<see cref="HostNameRules.IsLoopback"/>).</summary>
public static class LoopbackHost
{
    /// <summary>The loopback address to listen on for <paramref name="host"/> (127.0.0.1 for localhost), or null when the host is not loopback.</summary>
    public static string? ListenAddress(string host)
    {
        if (!HostNameRules.IsLoopback(host))
        {
            return null;
        }
        return IPAddress.TryParse(host, out var address) ? address.ToString() : "127.0.0.1";
    }
}
