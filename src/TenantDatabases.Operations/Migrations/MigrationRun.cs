// Migrations: the migrate use-case: lock, journal, DbUp, per tenant, over the fleet.
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;
using System.Globalization;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Tenants;
using TenantDatabases.Operations.Scripts;

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

/// <summary>What <c>tenantdb migrate</c> was asked to do.</summary>
/// <param name="Tenants">Which tenants, from which stack outputs.</param>
/// <param name="ScriptsFolder">A folder of NNNN_name.sql scripts (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
/// <param name="LockTimeout">Wait for a tenant's migration lock and for each lock a script waits for.</param>
/// <param name="StatementTimeout">Longest a statement may run; null for no limit.</param>
/// <param name="DryRun">List pending scripts only.</param>
/// <param name="FanOut">How many tenants at once, per server, and what a failure stops.</param>
public sealed record MigrationRequest(
    TenantRunRequest Tenants, string? ScriptsFolder, TimeSpan LockTimeout, TimeSpan? StatementTimeout, bool DryRun, FanOutOptions FanOut)
{
    /// <summary>The defaults for every tenant of <paramref name="tenants"/> (what deploy runs), with the scripts of <paramref name="scriptsFolder"/>.</summary>
    public static MigrationRequest Defaults(TenantRunRequest tenants, string? scriptsFolder = null) =>
        new(tenants, scriptsFolder, MigrationSettings.DefaultLockTimeout, MigrationSettings.DefaultStatementTimeout, DryRun: false,
            new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer, ConnectionsPerTenant: FleetMigration.ConnectionsPerTenant));
}

/// <summary>
/// A migration ready to run (its tenants, their outputs and the scripts), or every problem found before any tenant
/// was touched: with the stack outputs or the filters (<see cref="Selection"/>), or with the scripts.
/// </summary>
public sealed record MigrationPreparationResult(
    TenantSelectionResult Selection, MigrationSettings? Settings, FanOutOptions FanOut, IReadOnlyList<string> Problems, bool IsUsageProblem)
{
    /// <summary>The outputs the tenants were read from.</summary>
    public TenantConnections? Outputs => Selection.Outputs;

    /// <summary>The selected tenants.</summary>
    public IReadOnlyList<TenantTarget> Tenants => Selection.Tenants;

    /// <summary>True when the migration can run.</summary>
    [MemberNotNullWhen(true, nameof(Settings), nameof(Outputs))]
    public bool Succeeded => Settings is not null && Outputs is not null && Problems.Count == 0;
}

/// <summary>What a migration run did to every tenant, how long it took, and whether it was cancelled (SIGINT/SIGTERM).</summary>
public sealed record MigrationRunResult(IReadOnlyList<TenantMigrationResult> Tenants, bool DryRun, TimeSpan Duration, bool Cancelled = false)
{
    /// <summary>True when every tenant is migrated (or listed, in a dry run) and verified.</summary>
    public bool Succeeded => Tenants.All(tenant => tenant.Succeeded);
}

/// <summary>How each tenant is migrated.</summary>
public sealed record MigrationSettings(MigrationScripts Scripts, TimeSpan LockTimeout, TimeSpan? StatementTimeout, bool DryRun)
{
    /// <summary>Default wait for the tenant's migration lock (and for each lock a statement waits for).</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Default limit of one statement.</summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Npgsql's own limit per command: beyond the server's statement_timeout, so the server's error (SQLSTATE
    /// 57014) is what reports a slow statement; none when statements are unlimited.
    /// </summary>
    public int? CommandTimeoutSeconds => StatementTimeout is { } limit ? (int)Math.Ceiling(limit.TotalSeconds) + 30 : null;

    /// <summary>
    /// The session settings of the migration connection. client_connection_check_interval (PostgreSQL 14+) makes a
    /// server notice a killed runner within a second even in the middle of a long statement, and roll it back.
    /// </summary>
    public string SessionSetupSql =>
        $"""
        SET lock_timeout = {Milliseconds(LockTimeout)};
        SET statement_timeout = {(StatementTimeout is { } limit ? Milliseconds(limit) : "0")};
        SELECT set_config('client_connection_check_interval', '1000', false) WHERE current_setting('server_version_num')::int >= 140000;
        """;

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
