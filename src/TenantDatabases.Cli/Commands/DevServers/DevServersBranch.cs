using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.DevServers;

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
