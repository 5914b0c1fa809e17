using Spectre.Console;
using TenantDatabases.Operations.DevServers;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Cli.Stacks;

namespace TenantDatabases.Cli.DevServers;

/// <summary><c>tenantdb dev-servers start</c>: creates and starts the stack's servers on loopback; idempotent.</summary>
public sealed class DevServersStartCommand(IAnsiConsole console) : DevServersCommand(console)
{
    /// <inheritdoc />
    protected override bool NeedsPasswords => true;

    /// <inheritdoc />
    protected override Task<DevServerState[]> ActAsync(DevServerFleet fleet, ConnectableStack stack, CancellationToken cancellationToken) =>
        fleet.StartAsync(stack.Passwords!, cancellationToken);

    /// <inheritdoc />
    protected override Task<(PostgresBinaries? Binaries, string? Failure)> BinariesAsync(IAnsiConsole output, CancellationToken cancellationToken) =>
        PostgresInstallation.FindOrInstallAsync(message => output.MarkupLineInterpolated($"{message}"), cancellationToken);
}
