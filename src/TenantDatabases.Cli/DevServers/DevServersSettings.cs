using TenantDatabases.Cli.Stacks;

namespace TenantDatabases.Cli.DevServers;

/// <summary>Options of <c>tenantdb dev-servers start|stop|status</c>: the stack defaults to dev.</summary>
public sealed class DevServersSettings : StackOptions
{
    /// <summary>The dev stack.</summary>
    public const string DevStack = "dev";

    /// <inheritdoc />
    protected override string? DefaultStack => DevStack;
}
