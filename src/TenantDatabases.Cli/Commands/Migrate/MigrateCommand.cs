// Migrate: the `tenantdb migrate` command: its settings, view and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>
/// <c>tenantdb migrate</c>: brings every selected tenant database to the latest script and verifies it. Exit 0
/// when every tenant is migrated and verified, 1 when any is not, 2 for usage errors and unreadable input, 130
/// when cancelled (the table and the report still show every tenant).
/// </summary>
internal sealed class MigrateCommand(IAnsiConsole console, CancelSignals signals) : AsyncCommand<MigrateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MigrateSettings settings, CancellationToken cancellationToken)
    {
        // With --format json, everything but the report goes to stderr, so that stdout is one JSON document or nothing.
        var side = StandardErrorConsole.For(settings.IsJson, console);
        var prepared = await MigrationRun.PrepareAsync(settings.ToMigrationRequest(), Console.In, signals.Run.Abort);
        if (!prepared.Succeeded)
        {
            return MigrateView.Refused(side, prepared).ExitCode;
        }
        TenantSelectionOutput.Write(side, side, prepared.Selection);
        var text = new MigrationText(prepared.Outputs.Passwords);
        MigrateView.WriteStart(side, prepared);

        var run = await RunWithProgressAsync(side, prepared, text, signals.Run);
        var shown = MigrateView.Show(console, side, run, text, settings.IsJson);
        return ReportFile.Write(side, settings.Report, shown.Json ?? "") ?? shown.ExitCode;
    }

    // A progress bar on a terminal; otherwise (CI logs, pipes) one line per finished tenant.
    private static async Task<MigrationRunResult> RunWithProgressAsync(
        IAnsiConsole console, MigrationPreparationResult prepared, MigrationText text, RunCancellation cancellation)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("tenants", maxValue: Math.Max(prepared.Tenants.Count, 1));
                var failed = 0;
                return await MigrationRun.RunAsync(prepared, result =>
                {
                    if (!result.Succeeded)
                    {
                        Interlocked.Increment(ref failed);
                        task.Description = $"tenants ({Volatile.Read(ref failed)} failed)";
                    }
                    task.Increment(1);
                }, cancellation);
            });
        }
        return await MigrationRun.RunAsync(prepared, MigrateView.TenantLines(console, text), cancellation);
    }
}

/// <summary>Options of <c>tenantdb migrate</c> (besides the tenant selection, the report and its format).</summary>
internal sealed class MigrateSettings : TenantRunSettings
{
    [CommandOption("--parallel <N>")]
    [TypeConverter(typeof(WholeNumberConverter))]
    [Description("Tenants migrated at once over all servers (default 8).")]
    public int Parallel { get; init; } = FanOutOptions.DefaultParallel;

    [CommandOption("--per-server <N>")]
    [TypeConverter(typeof(WholeNumberConverter))]
    [Description("Connections held to any one server at once, one per tenant in flight (default 10).")]
    public int PerServer { get; init; } = FanOutOptions.DefaultPerServer;

    [CommandOption("--on-error <MODE>")]
    [Description("continue (default): migrate every other tenant; stop: start no further tenant after a failure.")]
    public string OnError { get; init; } = "continue";

    [CommandOption("--canary <N>")]
    [TypeConverter(typeof(WholeNumberConverter))]
    [Description("Migrate N tenants first and stop if any of them fails.")]
    public int Canary { get; init; }

    [CommandOption("--dry-run")]
    [Description("List each tenant's pending scripts; write nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--lock-timeout <SECONDS>")]
    [TypeConverter(typeof(WholeNumberConverter))]
    [Description("How long to wait for a tenant's migration lock, and for each lock a script waits for (default 60).")]
    public int LockTimeout { get; init; } = (int)MigrationSettings.DefaultLockTimeout.TotalSeconds;

    [CommandOption("--statement-timeout <SECONDS>")]
    [TypeConverter(typeof(WholeNumberConverter))]
    [Description("Longest a single statement may run; 0 for no limit (default 600).")]
    public int StatementTimeout { get; init; } = (int)MigrationSettings.DefaultStatementTimeout.TotalSeconds;

    public OnError OnErrorMode => OnError.Equals("stop", StringComparison.OrdinalIgnoreCase) ? Operations.FanOut.OnError.Stop : Operations.FanOut.OnError.Continue;

    public FanOutOptions FanOut => new(Parallel, PerServer, OnErrorMode, Canary, FleetMigration.ConnectionsPerTenant);

    /// <summary>What these options ask migrate to do.</summary>
    public MigrationRequest ToMigrationRequest() => new(ToRequest(), Scripts, TimeSpan.FromSeconds(LockTimeout),
        StatementTimeout == 0 ? null : TimeSpan.FromSeconds(StatementTimeout), DryRun, FanOut);

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        var problems = FanOut.Problems().ToList();
        if (!OnError.Equals("continue", StringComparison.OrdinalIgnoreCase) && !OnError.Equals("stop", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"--on-error must be 'continue' or 'stop', not '{OnError}'.");
        }
        if (LockTimeout < 1)
        {
            problems.Add("--lock-timeout must be at least 1 second.");
        }
        if (StatementTimeout < 0)
        {
            problems.Add("--statement-timeout must be 0 (no limit) or more seconds.");
        }
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(" ", problems));
    }
}
