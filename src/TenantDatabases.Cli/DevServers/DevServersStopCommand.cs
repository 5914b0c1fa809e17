using Spectre.Console;
using TenantDatabases.Operations.DevServers;
using TenantDatabases.Cli.Stacks;

namespace TenantDatabases.Cli.DevServers;

/// <summary><c>tenantdb dev-servers stop</c>: stops the stack's local servers, keeping their data.</summary>
public sealed class DevServersStopCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override bool NeedsPasswords => false;

    /// <inheritdoc />
    protected override Task<DevServerState[]> ActAsync(DevServerFleet fleet, ConnectableStack stack, CancellationToken cancellationToken) =>
        fleet.StopAsync(cancellationToken);
}
