// DevServers: the `tenantdb dev-servers` command: its settings and what it renders.
using Spectre.Console.Cli;
using Spectre.Console;
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

/// <summary>The <c>dev-servers</c> branch: start, stop and status of the dev stack's local servers.</summary>
internal static class DevServersBranch
{
    /// <summary>Registers the three commands under <c>dev-servers</c>.</summary>
    public static void Configure(IConfigurator<DevServersSettings> branch)
    {
        branch.SetDescription("Run the servers of the dev stack on this machine (127.0.0.1, data under .dev-servers/).");
        branch.AddCommand<DevServersStartCommand>("start")
            .WithDescription("Create and start the stack's servers with its admin role and password (idempotent). Needs PULUMI_CONFIG_PASSPHRASE (dev: tenantdb-dev-passphrase).")
            .WithExample("dev-servers", "start", "--stack", "dev")
            .WithExample("dev-servers", "start", "--stack", "dev", "--cwd", ".");
        branch.AddCommand<DevServersStopCommand>("stop")
            .WithDescription("Stop the stack's local servers; their data stays.")
            .WithExample("dev-servers", "stop")
            .WithExample("dev-servers", "stop", "--stack", "dev", "--cwd", ".");
        branch.AddCommand<DevServersStatusCommand>("status")
            .WithDescription("Show whether each of the stack's local servers exists and runs.")
            .WithExample("dev-servers", "status", "--cwd", ".")
            .WithExample("dev-servers", "status", "--stack", "dev");
    }
}

/// <summary>Options of <c>tenantdb dev-servers start|stop|status</c>: the stack defaults to dev.</summary>
internal sealed class DevServersSettings : StackCommandSettings
{
    /// <summary>The dev stack.</summary>
    public const string DevStack = "dev";

    /// <summary>The stack to run: --stack, else dev.</summary>
    public string StackOrDev => Stack ?? DevStack;

    /// <inheritdoc />
    protected override bool StackRequired => false;
}

/// <summary><c>tenantdb dev-servers start</c>: creates and starts the stack's servers on loopback; idempotent.</summary>
internal sealed class DevServersStartCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Start;
}

/// <summary><c>tenantdb dev-servers stop</c>: stops the stack's local servers, keeping their data.</summary>
internal sealed class DevServersStopCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Stop;
}

/// <summary><c>tenantdb dev-servers status</c>: a table of the stack's local servers and whether they run.</summary>
internal sealed class DevServersStatusCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Status;
}
