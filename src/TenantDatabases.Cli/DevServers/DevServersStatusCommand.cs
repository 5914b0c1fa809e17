using Spectre.Console;
using TenantDatabases.Operations.DevServers;
using TenantDatabases.Cli.Stacks;

namespace TenantDatabases.Cli.DevServers;

/// <summary><c>tenantdb dev-servers status</c>: a table of the stack's local servers and whether they run.</summary>
public sealed class DevServersStatusCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override bool NeedsPasswords => false;

    /// <inheritdoc />
    protected override Task<DevServerState[]> ActAsync(DevServerFleet fleet, ConnectableStack stack, CancellationToken cancellationToken) =>
        fleet.StatusAsync(cancellationToken);
}
