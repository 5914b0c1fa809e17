using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.DevServers;

namespace TenantDatabases.Cli.Commands.DevServers;

/// <summary>
/// What start, stop and status share: run the dev-servers use-case and print one row per server.
/// Exit 0 when every server did what was asked, 1 when one failed or the stack is invalid, 2 for a missing input.
/// </summary>
internal abstract class DevServersCommand(IAnsiConsole console) : AsyncCommand<DevServersSettings>
{
    /// <summary>What the command does to every server.</summary>
    protected abstract DevServerAction Action { get; }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DevServersSettings settings, CancellationToken cancellationToken)
    {
        var result = await DevServerRun.RunAsync(Action, settings.Cwd, settings.StackOrDev, Environment.GetEnvironmentVariable,
            note => console.MarkupLineInterpolated($"[yellow]note:[/] {note}"),
            progress => console.MarkupLineInterpolated($"{progress}"),
            cancellationToken);
        if (!result.Stack.Succeeded)
        {
            return ConnectableStackOutput.Refused(console, result.Stack);
        }
        if (result.Problems.Count > 0)
        {
            foreach (var problem in result.Problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }
            return ExitCodes.Failure;
        }
        console.MarkupLineInterpolated($"Data folder: {result.Folder?.Root}");
        var table = new Table().AddColumns("server", "address", "state", "result");
        foreach (var state in result.States)
        {
            var color = state.State switch { "running" => "green", DevServerState.Failure => "red", _ => "yellow" };
            table.AddRow(new Text(state.Name), new Text(state.Address), new Markup($"[{color}]{Markup.Escape(state.State)}[/]"),
                new Text(SecretMask.Redact(state.Message)));
        }
        console.Write(table);
        if (Action == DevServerAction.Start && result.Succeeded)
        {
            console.MarkupLine($"Each admin is a non-superuser with {DevServerFleet.AdminAttributes} and the stack's password; connect with 'tenantdb preflight --stack {Markup.Escape(settings.StackOrDev)}'.");
        }
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
