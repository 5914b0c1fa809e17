using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Operations.Verification;

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
            (tenant, abort) => TenantVerifier.VerifyAsync(tenant, outputs.Passwords.For(tenant.Id), scripts, abort).WaitAsync(abort),
            verification => verification.Passed,
            (tenant, reason) => TenantVerification.NotRun(tenant, reason),
            (tenant, reason) => TenantVerification.NotRun(tenant, reason));
        return fanOut.RunAsync(tenants, finished, cancellation);
    }
}
