using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Output;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>
/// <c>tenantdb migrate</c>: brings every selected tenant database to the latest script and verifies it. Exit 0
/// when every tenant is migrated and verified, 1 when any is not, 2 for usage errors and unreadable input.
/// </summary>
public sealed class MigrateCommand(IAnsiConsole console) : AsyncCommand<MigrateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MigrateSettings settings, CancellationToken cancellationToken)
    {
        var (outputs, tenants, exitCode) = await TenantSelection.LoadAsync(settings, console, cancellationToken);
        if (outputs is null)
        {
            return exitCode;
        }
        var (scripts, problems) = settings.Scripts is { } folder ? MigrationScripts.FromFolder(folder) : (MigrationScripts.Embedded(), []);
        if (scripts is null)
        {
            foreach (var problem in problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }
            return ExitCodes.Usage;
        }
        var migration = new MigrationSettings(scripts, TimeSpan.FromSeconds(settings.LockTimeout),
            settings.StatementTimeout == 0 ? null : TimeSpan.FromSeconds(settings.StatementTimeout), settings.DryRun);
        var text = new MigrationText(outputs.Passwords);
        console.MarkupLineInterpolated(
            $"{(settings.DryRun ? "Dry run: listing pending scripts of" : "Migrating")} {tenants.Count} tenant(s) on {tenants.Select(t => t.Server).Distinct().Count()} server(s) to {scripts.Latest!.Name}.");

        var clock = Stopwatch.StartNew();
        var results = await RunWithProgressAsync(tenants.Count, text, finished =>
            FleetMigration.RunAsync(outputs, tenants, migration, settings.FanOut, finished, cancellationToken));
        MigrationTable.Write(console, results, text, settings.DryRun);

        if (settings.Report is { } report && MigrationReport.TryWrite(report, MigrationReport.Render(results, text, settings.DryRun, clock.Elapsed)) is { } reportProblem)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {reportProblem}");
            return ExitCodes.Usage;
        }
        return results.All(result => result.Succeeded) ? ExitCodes.Success : ExitCodes.Failure;
    }

    // A progress bar on a terminal; otherwise (CI logs, pipes) one line per finished tenant.
    private async Task<IReadOnlyList<TenantMigrationResult>> RunWithProgressAsync(
        int total, MigrationText text, Func<Action<TenantMigrationResult>, Task<IReadOnlyList<TenantMigrationResult>>> run)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("tenants", maxValue: Math.Max(total, 1));
                var failed = 0;
                return await run(result =>
                {
                    if (!result.Succeeded)
                    {
                        Interlocked.Increment(ref failed);
                        task.Description = $"tenants ({Volatile.Read(ref failed)} failed)";
                    }
                    task.Increment(1);
                });
            });
        }
        var writing = new Lock();
        return await run(result =>
        {
            lock (writing)
            {
                // Raw lines: CI logs must not wrap them at a guessed console width.
                ConsoleLines.WriteLine(console, text.Line(result));
            }
        });
    }
}
