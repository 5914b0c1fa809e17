using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Tenants;

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
