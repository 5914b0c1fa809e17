using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Verification;

/// <summary>The verify use-case: selects the tenants, then checks each against the built-in scripts.</summary>
public static class VerificationRun
{
    /// <summary>Runs the checks; cancelling the token aborts the tenants in flight.</summary>
    public static Task<VerificationRunResult> RunAsync(TenantRunRequest request, TextReader standardInput, CancellationToken cancellationToken) =>
        RunAsync(request, standardInput, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Runs the checks; problems with the outputs or filters come back in the selection, with no tenant checked. A
    /// cancelled run still returns every tenant: checked, or not run.
    /// </summary>
    public static async Task<VerificationRunResult> RunAsync(TenantRunRequest request, TextReader standardInput, RunCancellation cancellation)
    {
        var selection = await TenantSelection.LoadAsync(request, standardInput, cancellation.Abort);
        if (!selection.Succeeded)
        {
            return new VerificationRunResult(selection, []);
        }
        var limits = new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer);
        var results = await FleetVerification.RunAsync(selection.Outputs, selection.Tenants, MigrationScripts.Embedded(), limits, null, cancellation);
        return new VerificationRunResult(selection, results, cancellation.IsStopRequested);
    }
}
