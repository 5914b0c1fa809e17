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
    /// <summary>
    /// Runs the checks; problems with the outputs or filters come back in the selection, problems with the scripts in
    /// <see cref="VerificationRunResult.Scripts"/>, and then no tenant was checked.
    /// </summary>
    public static async Task<VerificationRunResult> RunAsync(VerificationRequest request, TextReader standardInput, CancellationToken cancellationToken)
    {
        var selection = await TenantSelection.LoadAsync(request.Tenants, standardInput, cancellationToken);
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
        var results = await FleetVerification.RunAsync(selection.Outputs, selection.Tenants, scripts.Scripts, limits, cancellationToken: cancellationToken);
        return new VerificationRunResult(selection, scripts, results);
    }
}
