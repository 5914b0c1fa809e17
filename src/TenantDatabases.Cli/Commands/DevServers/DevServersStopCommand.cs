using Spectre.Console;
using TenantDatabases.Operations.DevServers;

namespace TenantDatabases.Cli.Commands.DevServers;

/// <summary><c>tenantdb dev-servers stop</c>: stops the stack's local servers, keeping their data.</summary>
internal sealed class DevServersStopCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Stop;
}
