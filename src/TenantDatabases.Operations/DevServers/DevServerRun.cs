// DevServers: the dev stack's local servers: start, stop, status, and installing PostgreSQL.
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.DevServers;

/// <summary>
/// The dev-servers use-case: load the stack (passwords only to start), refuse hosts outside loopback, find the
/// data folder, then start, stop or report every server.
/// </summary>
public static class DevServerRun
{
    /// <summary>
    /// Runs <paramref name="action"/>; <paramref name="note"/> hears where the data went when it is not the project,
    /// <paramref name="progress"/> what an installation of PostgreSQL is doing.
    /// </summary>
    public static async Task<DevServersResult> RunAsync(
        DevServerAction action, string? cwd, string stack, Func<string, string?> environment,
        Action<string> note, Action<string> progress, CancellationToken cancellationToken)
    {
        var loaded = await ConnectableStackLoader.LoadAsync(cwd, stack, null, needsPasswords: action == DevServerAction.Start, environment, cancellationToken);
        if (!loaded.Succeeded || loaded.ProjectDirectory is not { } project)
        {
            return new DevServersResult(loaded, null, [], []);
        }
        var user = LocalServerUser.Current();
        var folder = await DevServerFolder.ResolveAsync(project, user, cancellationToken);
        var plan = DevServerPlan.For(loaded.Configuration, folder);
        if (plan.Problems.Count > 0)
        {
            return new DevServersResult(loaded, folder, plan.Problems, []);
        }
        if (folder.FallbackReason is { } reason)
        {
            note(reason);
        }
        var binaries = action == DevServerAction.Start
            ? await PostgresInstallation.FindOrInstallAsync(progress, cancellationToken)
            : new Result<PostgresBinaries>(PostgresBinaries.Find(), null);
        if (binaries.Problem is { } missing)
        {
            return new DevServersResult(loaded, folder, [missing], []);
        }
        var fleet = new DevServerFleet(plan, binaries.Value, user);
        var states = action switch
        {
            DevServerAction.Start => await fleet.StartAsync(loaded.Passwords, cancellationToken),
            DevServerAction.Stop => await fleet.StopAsync(cancellationToken),
            _ => await fleet.StatusAsync(cancellationToken),
        };
        return new DevServersResult(loaded, folder, [], states);
    }
}

/// <summary>What <c>tenantdb dev-servers</c> does to the stack's local servers.</summary>
public enum DevServerAction
{
    /// <summary>Create what is missing and start every server, with the stack's admin and password.</summary>
    Start,

    /// <summary>Stop every server; the data stays.</summary>
    Stop,

    /// <summary>Only report whether each server exists and runs.</summary>
    Status,
}

/// <summary>
/// What became of every local server of a stack; or what stopped the run before any server was touched: the stack
/// (<see cref="Stack"/>), or <see cref="Problems"/> (a host outside loopback, PostgreSQL not installed).
/// </summary>
public sealed record DevServersResult(ConnectableStackResult Stack, DevServerFolder? Folder, IReadOnlyList<string> Problems, IReadOnlyList<DevServerState> States)
{
    /// <summary>True when every server did what was asked.</summary>
    public bool Succeeded => Stack.Succeeded && Problems.Count == 0 && !States.Any(state => state.Failed);
}

/// <summary>What became of one local server of the dev stack.</summary>
/// <param name="Name">The server's name in the stack.</param>
/// <param name="Address">host:port it listens on.</param>
/// <param name="State">running, stopped, not created, or failed.</param>
/// <param name="Folder">Its data folder.</param>
/// <param name="Message">What happened, or why it failed; never a password.</param>
public sealed record DevServerState(string Name, string Address, string State, string Folder, string Message)
{
    /// <summary>The server could not be started or stopped.</summary>
    public bool Failed => State == Failure;

    /// <summary>The <see cref="State"/> of a server that could not be started or stopped.</summary>
    public const string Failure = "failed";
}
