using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Operations.Verification;

/// <summary><c>tenantdb verify</c> over many tenants: one connection each, within the run's limits.</summary>
public static class FleetVerification
{
    public static Task<IReadOnlyList<TenantVerification>> RunAsync(
        TenantConnections outputs, IReadOnlyList<TenantTarget> tenants, MigrationScripts scripts, FanOutOptions options,
        Action<TenantVerification>? finished = null, CancellationToken cancellationToken = default)
    {
        var fanOut = new TenantFanOut<TenantVerification>(
            options with { ConnectionsPerTenant = 1 },
            (tenant, token) => TenantVerifier.VerifyAsync(tenant, outputs.Passwords.For(tenant.Id), scripts, token),
            verification => verification.Passed,
            (tenant, reason) => new TenantVerification(tenant, [new CheckResult("run", false, reason)], TimeSpan.Zero));
        return fanOut.RunAsync(tenants, finished, cancellationToken);
    }
}
