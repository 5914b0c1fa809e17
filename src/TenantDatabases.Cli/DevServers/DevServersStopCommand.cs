using Spectre.Console;
using TenantDatabases.Operations.DevServers;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.DevServers;

/// <summary><c>tenantdb dev-servers stop</c>: stops the stack's local servers, keeping their data.</summary>
public sealed class DevServersStopCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override bool NeedsPasswords => false;

    /// <inheritdoc />
    protected override Task<DevServerState[]> ActAsync(DevServerFleet fleet, LoadedStack stack, CancellationToken cancellationToken) =>
        fleet.StopAsync(cancellationToken);
}
