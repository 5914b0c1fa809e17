using Spectre.Console;
using TenantDatabases.Operations.DevServers;

namespace TenantDatabases.Cli.Commands.DevServers;

/// <summary><c>tenantdb dev-servers start</c>: creates and starts the stack's servers on loopback; idempotent.</summary>
internal sealed class DevServersStartCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override DevServerAction Action => DevServerAction.Start;
}
