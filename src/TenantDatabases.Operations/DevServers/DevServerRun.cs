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
            : new PostgresInstallationResult(PostgresBinaries.Find(), null);
        if (binaries.Problem is { } missing)
        {
            return new DevServersResult(loaded, folder, [missing], []);
        }
        var fleet = new DevServerFleet(plan, binaries.Binaries, user);
        var states = action switch
        {
            DevServerAction.Start => await fleet.StartAsync(loaded.Passwords, cancellationToken),
            DevServerAction.Stop => await fleet.StopAsync(cancellationToken),
            _ => await fleet.StatusAsync(cancellationToken),
        };
        return new DevServersResult(loaded, folder, [], states);
    }
}
