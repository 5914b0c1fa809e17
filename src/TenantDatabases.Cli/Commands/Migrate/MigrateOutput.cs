using Spectre.Console;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>How a migration is shown (by the command and by deploy's migrate stage), apart from its progress.</summary>
internal static class MigrateOutput
{
    /// <summary>
    /// After the selection was shown (<see cref="TenantSelectionOutput"/>): the problems with the scripts, if those
    /// stopped the run; returns the exit code (2 for a usage problem).
    /// </summary>
    public static int Refused(IAnsiConsole console, MigrationPreparationResult prepared)
    {
        if (!prepared.Selection.Succeeded)
        {
            return TenantSelectionOutput.ExitCode(prepared.Selection);
        }
        foreach (var problem in prepared.Problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Fleet.Secrets.SecretMask.Redact(problem)}");
        }
        return prepared.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
    }

    /// <summary>The line that says what is about to run.</summary>
    public static void WriteStart(IAnsiConsole console, MigrationPreparationResult prepared)
    {
        if (!prepared.Succeeded)
        {
            return;
        }
        var servers = prepared.Tenants.Select(t => t.Server).Distinct().Count();
        console.MarkupLineInterpolated(
            $"{(prepared.Settings.DryRun ? "Dry run: listing pending scripts of" : "Migrating")} {prepared.Tenants.Count} tenant(s) on {servers} server(s) to {prepared.Settings.Scripts.Latest?.Name}.");
    }

    /// <summary>130 when the run was cancelled; else 0 when every tenant is migrated and verified, 1 when any is not.</summary>
    public static int ExitCode(MigrationRunResult run) =>
        run.Cancelled ? ExitCodes.Cancelled : run.Succeeded ? ExitCodes.Success : ExitCodes.Failure;

    /// <summary>After a cancelled run: where the tenants stand, and that a rerun finishes the job.</summary>
    public static void WriteCancelled(IAnsiConsole console, MigrationRunResult run)
    {
        if (!run.Cancelled)
        {
            return;
        }
        var notStarted = run.Tenants.Count(t => t.Status == MigrationStatus.Skipped);
        var stopped = run.Tenants.Count(t => t.Status == MigrationStatus.Cancelled);
        var finished = run.Tenants.Count - notStarted - stopped;
        console.MarkupLineInterpolated(
            $"[yellow]The run was cancelled:[/] {finished} tenant(s) finished, {stopped} stopped in flight, {notStarted} not started. Rerun tenantdb migrate to finish: applied scripts are never applied twice.");
    }

    /// <summary>One raw line per finished tenant: CI logs must not wrap them at a guessed console width.</summary>
    public static Action<TenantMigrationResult> TenantLines(IAnsiConsole console, MigrationText text)
    {
        var writing = new Lock();
        return result =>
        {
            lock (writing)
            {
                ConsoleLines.WriteLine(console, text.Line(result));
            }
        };
    }
}
