using Spectre.Console;
using Spectre.Console.Cli;
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
        TenantSelectionOutput.Write(side, side, prepared.Selection);
        if (!prepared.Succeeded)
        {
            return MigrateOutput.Refused(side, prepared);
        }
        var text = new MigrationText(prepared.Outputs.Passwords);
        MigrateOutput.WriteStart(side, prepared);

        var run = await RunWithProgressAsync(side, prepared, text, signals.Run);
        var report = MigrationReport.Render(run, text);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, report);
        }
        else
        {
            MigrationTable.Write(console, run.Tenants, text, run.DryRun);
        }
        MigrateOutput.WriteCancelled(side, run);
        if (settings.Report is { } reportFile && ReportJson.TryWrite(reportFile, report) is { } reportProblem)
        {
            side.MarkupLineInterpolated($"[red]error:[/] {reportProblem}");
            return ExitCodes.Usage;
        }
        return MigrateOutput.ExitCode(run);
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
        return await MigrationRun.RunAsync(prepared, MigrateOutput.TenantLines(console, text), cancellation);
    }
}
