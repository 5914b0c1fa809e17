using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>The <c>migrations</c> branch: the scripts themselves, with no server and no secret.</summary>
internal static class MigrationsBranch
{
    /// <summary>Registers list and check under <c>migrations</c>.</summary>
    public static void Configure(IConfigurator<MigrationsSettings> branch)
    {
        branch.SetDescription("The migration scripts (migrations/ beside Pulumi.yaml, or --scripts): list them, or check them as a pull request changes them.");
        branch.AddCommand<MigrationsListCommand>("list")
            .WithDescription("Show the scripts in the order migrate applies them: number, name, transaction mode and the SHA-256 the journal stores.")
            .WithExample("migrations", "list")
            .WithExample("migrations", "list", "--scripts", "migrations", "--format", "json")
            .WithExample("migrations", "list", "--cwd", "infra");
        branch.AddCommand<MigrationsCheckCommand>("check")
            .WithDescription("Check the scripts: names, numbers, not empty; with --base, no applied script edited, renamed or deleted and no new one numbered too low; warns of no-transaction scripts that cannot be retried.")
            .WithExample("migrations", "check")
            .WithExample("migrations", "check", "--base", "origin/main")
            .WithExample("migrations", "check", "--scripts", "migrations", "--cwd", "infra", "--base", "HEAD~1");
    }
}
