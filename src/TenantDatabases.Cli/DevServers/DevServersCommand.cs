using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Stacks;
using TenantDatabases.Operations.DevServers;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Cli.DevServers;

/// <summary>
/// What start, stop and status share: load the stack (passwords only to start), refuse hosts outside
/// loopback, find the data folder, act on every server, print one row per server.
/// Exit 0 when every server did what was asked, 1 when one failed or the stack is invalid, 2 for a missing input.
/// </summary>
public abstract class DevServersCommand(IAnsiConsole console) : AsyncCommand<DevServersSettings>
{
    /// <summary>Whether the action needs the servers' passwords.</summary>
    protected abstract bool NeedsPasswords { get; }

    /// <summary>Performs the action on every server.</summary>
    protected abstract Task<DevServerState[]> ActAsync(DevServerFleet fleet, ConnectableStack stack, CancellationToken cancellationToken);

    /// <summary>The binaries to use: start may install them, stop and status only look.</summary>
    protected virtual Task<(PostgresBinaries? Binaries, string? Failure)> BinariesAsync(IAnsiConsole output, CancellationToken cancellationToken) =>
        Task.FromResult<(PostgresBinaries?, string?)>((PostgresBinaries.Find(), null));

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DevServersSettings settings, CancellationToken cancellationToken)
    {
        var stack = await ConnectableStackLoader.LoadAsync(
            settings.Cwd, settings.StackName, null, NeedsPasswords, Environment.GetEnvironmentVariable, cancellationToken);
        if (!stack.Loaded)
        {
            return LoadFailureOutput.Report(console, stack);
        }
        var user = LocalServerUser.Current();
        var folder = await DevServerFolder.ResolveAsync(stack.ProjectDirectory!, user, cancellationToken);
        var plan = DevServerPlan.For(stack.Configuration!, folder);
        if (plan.Problems.Count > 0)
        {
            plan.Problems.ToList().ForEach(problem => console.MarkupLineInterpolated($"[red]error:[/] {problem}"));
            return ExitCodes.Failure;
        }
        if (folder.FallbackReason is { } reason)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {reason}");
        }
        var (binaries, failure) = await BinariesAsync(console, cancellationToken);
        if (failure is not null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {failure}");
            return ExitCodes.Failure;
        }
        var states = await ActAsync(new DevServerFleet(plan, binaries, user), stack, cancellationToken);
        console.MarkupLineInterpolated($"Data folder: {folder.Root}");
        var table = new Table().AddColumns("server", "address", "state", "result");
        foreach (var state in states)
        {
            var color = state.State switch { "running" => "green", DevServerState.Failure => "red", _ => "yellow" };
            table.AddRow(new Text(state.Name), new Text(state.Address), new Markup($"[{color}]{Markup.Escape(state.State)}[/]"),
                new Text(SecretRedaction.Redact(state.Message)));
        }
        console.Write(table);
        if (NeedsPasswords && !states.Any(state => state.Failed))
        {
            console.MarkupLine($"Each admin is a non-superuser with {DevServerFleet.AdminAttributes} and the stack's password; connect with 'tenantdb preflight --stack {Markup.Escape(settings.StackName)}'.");
        }
        return states.Any(state => state.Failed) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
