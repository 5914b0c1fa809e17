namespace TenantDatabases.Cli.Commands.DevServers;

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
