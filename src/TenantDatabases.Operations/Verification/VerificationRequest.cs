using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Verification;

/// <summary>What <c>tenantdb verify</c> was asked to do.</summary>
/// <param name="Tenants">Which tenants, from which stack outputs.</param>
/// <param name="ScriptsFolder">The scripts the tenants were migrated with (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
public sealed record VerificationRequest(TenantRunRequest Tenants, string? ScriptsFolder = null);
