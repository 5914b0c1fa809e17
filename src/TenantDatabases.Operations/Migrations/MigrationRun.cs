using System.Diagnostics;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The migrate use-case in two steps, so that a caller can show what is about to happen: prepare (read the stack
/// outputs, select the tenants, read the scripts; nothing connects), then run (migrate and verify every tenant).
/// </summary>
public static class MigrationRun
{
    /// <summary>Reads what the run needs; every problem at once, and never a connection.</summary>
    public static async Task<MigrationPreparationResult> PrepareAsync(MigrationRequest request, TextReader standardInput, CancellationToken cancellationToken)
    {
        var selection = await TenantSelection.LoadAsync(request.Tenants, standardInput, cancellationToken);
        if (!selection.Succeeded)
        {
            return new MigrationPreparationResult(selection, null, request.FanOut, selection.Problems, selection.IsUsageProblem);
        }
        var scripts = MigrationsFolder.Read(request.ScriptsFolder, request.Tenants.WorkingDirectory);
        if (!scripts.IsValid)
        {
            return new MigrationPreparationResult(selection, null, request.FanOut, scripts.Problems, IsUsageProblem: true);
        }
        var settings = new MigrationSettings(scripts.Scripts, request.LockTimeout, request.StatementTimeout, request.DryRun);
        return new MigrationPreparationResult(selection, settings, request.FanOut, [], false);
    }

    /// <summary>Migrates and verifies every tenant of a prepared run; cancelling the token aborts the tenants in flight.</summary>
    public static Task<MigrationRunResult> RunAsync(
        MigrationPreparationResult prepared, Action<TenantMigrationResult>? finished, CancellationToken cancellationToken) =>
        RunAsync(prepared, finished, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Migrates and verifies every tenant of a prepared run; <paramref name="finished"/> sees each tenant as it ends.
    /// A cancelled run still returns every tenant, each in its true state (<see cref="FleetMigration"/>).
    /// </summary>
    public static async Task<MigrationRunResult> RunAsync(
        MigrationPreparationResult prepared, Action<TenantMigrationResult>? finished, RunCancellation cancellation)
    {
        if (!prepared.Succeeded)
        {
            throw new ArgumentException("A migration that was not prepared cannot run.", nameof(prepared));
        }
        var clock = Stopwatch.StartNew();
        var results = await FleetMigration.RunAsync(prepared.Outputs, prepared.Tenants, prepared.Settings, prepared.FanOut, finished, cancellation);
        return new MigrationRunResult(results, prepared.Settings.DryRun, clock.Elapsed, cancellation.IsStopRequested);
    }
}
