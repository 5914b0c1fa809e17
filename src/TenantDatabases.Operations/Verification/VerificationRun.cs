// Verification: the verify use-case: each tenant's ownership, access, recovery state and journal.
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Tenants;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Verification;

/// <summary>
/// The verify use-case: selects the tenants, reads the scripts (the same folder migrate reads), then checks each
/// tenant against them.
/// </summary>
public static class VerificationRun
{
    /// <summary>Runs the checks; cancelling the token aborts the tenants in flight.</summary>
    public static Task<VerificationRunResult> RunAsync(VerificationRequest request, TextReader standardInput, CancellationToken cancellationToken) =>
        RunAsync(request, standardInput, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Runs the checks; problems with the outputs or filters come back in the selection, problems with the scripts in
    /// <see cref="VerificationRunResult.Scripts"/>, and then no tenant was checked. A cancelled run still returns every
    /// tenant: checked, or not run.
    /// </summary>
    public static async Task<VerificationRunResult> RunAsync(VerificationRequest request, TextReader standardInput, RunCancellation cancellation)
    {
        var selection = await TenantSelection.LoadAsync(request.Tenants, standardInput, cancellation.Abort);
        if (!selection.Succeeded)
        {
            return new VerificationRunResult(selection, null, []);
        }
        var scripts = MigrationsFolder.Read(request.ScriptsFolder, request.Tenants.WorkingDirectory);
        if (!scripts.IsValid)
        {
            return new VerificationRunResult(selection, scripts, []);
        }
        var limits = new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer);
        var results = await FleetVerification.RunAsync(selection.Outputs, selection.Tenants, scripts.Scripts, limits, null, cancellation);
        return new VerificationRunResult(selection, scripts, results, cancellation.IsStopRequested);
    }
}

/// <summary>What <c>tenantdb verify</c> was asked to do.</summary>
/// <param name="Tenants">Which tenants, from which stack outputs.</param>
/// <param name="ScriptsFolder">The scripts the tenants were migrated with (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
public sealed record VerificationRequest(TenantRunRequest Tenants, string? ScriptsFolder = null);

/// <summary>
/// Every selected tenant's checks; or, when <see cref="Selection"/> did not succeed or <see cref="Scripts"/> is not
/// valid, no tenant was checked. <see cref="Scripts"/> is null when the selection stopped the run first.
/// <see cref="Cancelled"/>: the run was cancelled (SIGINT/SIGTERM), and the tenants it did not reach say so.
/// </summary>
public sealed record VerificationRunResult(
    TenantSelectionResult Selection, MigrationScriptsResult? Scripts, IReadOnlyList<TenantVerification> Tenants, bool Cancelled = false)
{
    /// <summary>The problems with the scripts, which stopped the run before any tenant was checked (usage problems).</summary>
    public IReadOnlyList<string> ScriptProblems => Scripts is { IsValid: false } scripts ? scripts.Problems : [];

    /// <summary>True when the tenants and scripts were read and every check of every tenant passed.</summary>
    public bool Succeeded => Selection.Succeeded && Scripts is { IsValid: true } && Tenants.All(tenant => tenant.Passed);
}

/// <summary><c>tenantdb verify</c> over many tenants: one connection each, within the run's limits.</summary>
public static class FleetVerification
{
    /// <summary>Checks every tenant; cancelling the token aborts the tenants in flight.</summary>
    public static Task<IReadOnlyList<TenantVerification>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationScripts scripts, FanOutOptions options,
        Action<TenantVerification>? finished = null, CancellationToken cancellationToken = default) =>
        RunAsync(outputs, tenants, scripts, options, finished, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Checks every tenant. Once <see cref="RunCancellation.Stop"/> is cancelled no tenant starts and those in flight
    /// finish their checks (read-only, each bounded by the command timeout); <see cref="RunCancellation.Abort"/>
    /// stops waiting for them.
    /// </summary>
    public static Task<IReadOnlyList<TenantVerification>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationScripts scripts, FanOutOptions options,
        Action<TenantVerification>? finished, RunCancellation cancellation)
    {
        var fanOut = new TenantFanOut<TenantVerification>(
            options with { ConnectionsPerTenant = 1 },
            (tenant, abort) => TenantLogins.For(outputs, tenant) is { } login
                ? TenantVerifier.VerifyAsync(tenant, login, scripts, abort).WaitAsync(abort)
                : Task.FromResult(new TenantVerification(tenant, [new CheckResult(CheckResult.Connect, false, TenantLogins.Missing(tenant))], TimeSpan.Zero)),
            verification => verification.Passed,
            (tenant, reason) => TenantVerification.NotRun(tenant, reason),
            (tenant, reason) => TenantVerification.NotRun(tenant, reason));
        return fanOut.RunAsync(tenants, finished, cancellation);
    }
}
