using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;
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
