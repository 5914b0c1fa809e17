using Spectre.Console;
using TenantDatabases.Operations.DevServers;

namespace TenantDatabases.Cli.Commands.DevServers;

/// <summary><c>tenantdb dev-servers status</c>: a table of the stack's local servers and whether they run.</summary>
internal sealed class DevServersStatusCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Status;
}
