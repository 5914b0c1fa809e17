using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Cli.Commands;
using TenantDatabases.Cli.Commands.AddTenant;
using TenantDatabases.Cli.Commands.Adopt;
using TenantDatabases.Cli.Commands.Deploy;
using TenantDatabases.Cli.Commands.DevServers;
using TenantDatabases.Cli.Commands.LastDeployment;
using TenantDatabases.Cli.Commands.Migrate;
using TenantDatabases.Cli.Commands.Migrations;
using TenantDatabases.Cli.Commands.Plan;
using TenantDatabases.Cli.Commands.Preflight;
using TenantDatabases.Cli.Commands.RotatePassword;
using TenantDatabases.Cli.Commands.RotateTenantPassword;
using TenantDatabases.Cli.Commands.Status;
using TenantDatabases.Cli.Commands.Validate;
using TenantDatabases.Cli.Commands.Verify;

namespace TenantDatabases.Cli;

/// <summary>The <c>tenantdb</c> command line: <see cref="Create"/> is the seam tests parse through.</summary>
internal static class TenantDbApp
{
    /// <summary>
    /// Builds the command tree writing to <paramref name="console"/> (Spectre's own terminal console when null);
    /// commands that run over many tenants or servers take <paramref name="signals"/> to cancel in two stages.
    /// </summary>
    public static CommandApp Create(IAnsiConsole? console = null, CancelSignals? signals = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("tenantdb");
            config.Settings.Registrar.RegisterInstance(signals ?? CancelSignals.Unregistered());
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }
            config.PropagateExceptions();
            // An unknown option is refused, never ignored: a mistyped --dry-run must not run for real.
            config.UseStrictParsing();
            // Each command registers itself here, in the order a deployment runs them.
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a stack's configuration: every problem with its file, line, config path and fix. Needs no secret and no network.")
                .WithExample("validate", "--stack", "dev")
                .WithExample("validate", "--stack", "prod", "--format", "json")
                .WithExample("validate", "--stack", "prod", "--cwd", "infra");
            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Show where every tenant lives (server, database, role) and how full each server is; with --previous, what changed since the last deploy.")
                .WithExample("plan", "--stack", "dev")
                .WithExample("plan", "--stack", "prod", "--previous", "outputs.json")
                .WithExample("plan", "--stack", "prod", "--cwd", "infra", "--format", "json");
            config.AddCommand<LastDeploymentCommand>("last-deployment")
                .WithDescription("Save a stack's last outputs (no secrets) for plan --previous, and say whether the backend has the stack at all (a stack never deployed is an answer, not a failure). Needs the Pulumi CLI.")
                .WithExample("last-deployment", "--stack", "prod", "--out", "previous.json")
                .WithExample("last-deployment", "--stack", "acme/prod", "--out", "previous.json", "--format", "json")
                .WithExample("last-deployment", "--stack", "prod", "--out", "previous.json", "--cwd", "infra");
            config.AddCommand<AddTenantCommand>("add-tenant")
                .WithDescription("Place a new tenant (explicit server, else the default server, else the least-loaded server of its region) and pin it in Pulumi.<stack>.yaml, changing nothing else in the file.")
                .WithExample("add-tenant", "acme-coffee", "--stack", "dev")
                .WithExample("add-tenant", "nordic-bakery", "--stack", "prod", "--region", "eu-north")
                .WithExample("add-tenant", "acme-coffee", "--stack", "prod", "--server", "eu-primary", "--cwd", "infra");
            config.AddCommand<AdoptCommand>("adopt")
                .WithDescription(AdoptCommand.Description)
                .WithExample("adopt", "--stack", "prod", "--server", "eu-primary", "--dry-run")
                .WithExample("adopt", "--stack", "prod", "--server", "eu-primary", "--match", "^tenant_")
                .WithExample("adopt", "--stack", "prod", "--cwd", "infra", "--server", "eu-primary", "--format", "json", "--timeout", "60")
                .WithExample("adopt", "--stack", "prod", "--server", "eu-primary", "--config-json", "config.json");
            config.AddCommand<RotateTenantPasswordCommand>("rotate-tenant-password")
                .WithDescription("Raise a tenant's passwordVersion in Pulumi.<stack>.yaml (or of every tenant of a server), changing nothing else in the file, so that the next deploy generates a new owner password.")
                .WithExample("rotate-tenant-password", "acme-coffee", "--stack", "prod")
                .WithExample("rotate-tenant-password", "--all", "--server", "eu-primary", "--stack", "prod", "--cwd", "infra", "--format", "json");
            config.AddBranch<DevServersSettings>("dev-servers", DevServersBranch.Configure);
            config.AddBranch<MigrationsSettings>("migrations", MigrationsBranch.Configure);
            config.AddCommand<PreflightCommand>("preflight")
                .WithDescription("Check every server of a stack at once before pulumi up: reach, TLS, login, version, CREATEDB/CREATEROLE, writable primary, connections, capacity, orphans.")
                .WithExample("preflight", "--stack", "prod", "--timeout", "5", "--report", "preflight.json")
                .WithExample("preflight", "--stack", "prod", "--cwd", "infra", "--config-json", "config.json", "--format", "json", "--verbose");
            config.AddCommand<StatusCommand>("status")
                .WithDescription(StatusCommand.Description)
                .WithExample("status", "--stack", "prod")
                .WithExample("status", "--all-stacks", "--format", "markdown")
                .WithExample("status", "--all-stacks", "--find", "acme-coffee")
                .WithExample("status", "--stack", "prod", "--tenants", "--timeout", "5", "--sample", "3", "--report", "status.json")
                .WithExample("status", "--stack", "prod", "--cwd", "infra", "--config-json", "config.json", "--format", "json", "--sample", "0");
            config.AddCommand<RotatePasswordCommand>("rotate-password")
                .WithDescription(RotatePasswordCommand.Description)
                .WithExample("rotate-password", "--stack", "prod", "--server", "eu-primary", "--dry-run")
                .WithExample("rotate-password", "--stack", "prod", "--server", "eu-primary")
                .WithExample("rotate-password", "--stack", "prod", "--cwd", "infra", "--server", "eu-primary", "--password-stdin", "--format", "json")
                .WithExample("rotate-password", "--stack", "prod", "--server", "eu-primary", "--config-json", "config.json", "--timeout", "30");
            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Bring every tenant database to the latest migration script (DbUp, one lock per tenant), then verify it.")
                .WithExample("migrate", "--stack", "prod-eu")
                .WithExample("migrate", "--outputs", "outputs.json", "--server", "eu-primary", "--canary", "5", "--report", "migrate.json")
                .WithExample("migrate", "--stack", "dev", "--dry-run")
                .WithExample("migrate", "--stack", "prod", "--outputs", "outputs.json")
                .WithExample("migrate", "--outputs", "outputs.json", "--format", "json")
                .WithExample("migrate", "--stack", "prod", "--cwd", "infra", "--tenant", "acme-coffee", "--tenant", "berlin-bagels",
                    "--scripts", "migrations", "--parallel", "8", "--per-server", "4", "--on-error", "stop", "--lock-timeout", "30", "--statement-timeout", "600");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Check every tenant database as its owner: ownership, no PUBLIC connect, not a standby, journal at the latest script.")
                .WithExample("verify", "--stack", "prod-eu")
                .WithExample("verify", "--outputs", "-", "--format", "json")
                .WithExample("verify", "--stack", "prod", "--cwd", "infra", "--tenant", "acme-coffee", "--server", "eu-primary", "--report", "verify.json")
                .WithExample("verify", "--outputs", "outputs.json", "--scripts", "migrations")
                .WithExample("verify", "--stack", "prod", "--outputs", "outputs.json");
            config.AddCommand<DeployCommand>("deploy")
                .WithDescription(DeployCommand.Description)
                .WithExample("deploy", "--stack", "dev", "--create-stack", "--yes")
                .WithExample("deploy", "--stack", "dev", "--skip-up")
                .WithExample("deploy", "--stack", "prod", "--skip-up", "--outputs", "outputs.json")
                .WithExample("deploy", "--stack", "prod", "--yes", "--report", "deploy-prod.json")
                .WithExample("deploy", "--stack", "eu-west", "--cwd", "infra/tenants")
                .WithExample("deploy", "--stack", "prod", "--skip-up", "--outputs", "outputs.json", "--scripts", "migrations");
            config.SetHelpProvider(new ExitCodeHelpProvider(config.Settings)); // every --help ends with the exit codes
        });
        return app;
    }

    /// <summary>
    /// Runs the tool; maps usage errors to exit code 2, a cancelled command to <see cref="ExitCodes.Cancelled"/>,
    /// and never shows a stack trace. <paramref name="signals"/>: SIGINT and SIGTERM (none when null).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, CancelSignals? signals = null)
    {
        var output = console ?? TerminalConsole.StandardOutput();
        signals ??= CancelSignals.Unregistered();
        if (args.Length == 0)
        {
            // Help alone, for a person who typed the name to see what it does; a script that did not say what to run failed.
            await Create(output, signals).RunAsync(["--help"]);
            ConsoleLines.WriteLine(output, "error: name a command, e.g. tenantdb validate --stack dev (tenantdb <command> --help describes each).");
            return ExitCodes.Usage;
        }
        try
        {
            // A command that knows no second stage is simply cancelled by the first signal.
            return await Create(output, signals).RunAsync(StandardInputValue.Attach(args), signals.Run.Stop);
        }
        catch (OperationCanceledException) when (signals.IsCancelled)
        {
            output.MarkupLine("[yellow]cancelled[/] (SIGINT or SIGTERM) before the command finished.");
            return ExitCodes.Cancelled;
        }
        catch (CommandParseException error)
        {
            var problem = CommandLineProblem.Describe(CommandLineModel.Load(), StandardInputValue.Attach(args)) ?? error.Message;
            ConsoleLines.WriteLine(output, $"error: {problem}");
            return ExitCodes.Usage;
        }
        catch (CommandRuntimeException error) when (error.InnerException is OptionValueException bad)
        {
            ConsoleLines.WriteLine(output, $"error: {CommandLineProblem.BadValue(StandardInputValue.Attach(args), bad)}");
            return ExitCodes.Usage;
        }
        catch (CommandRuntimeException error)
        {
            output.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Last resort: a message, never a stack trace (which could carry a connection string).
            output.MarkupLineInterpolated($"[red]error:[/] {Fleet.Secrets.SecretMask.Redact(error.Message)}");
            return ExitCodes.Failure;
        }
    }
}
