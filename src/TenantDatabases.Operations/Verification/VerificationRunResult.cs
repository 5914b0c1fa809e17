using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Verification;

/// <summary>
/// Every selected tenant's checks; or, when <see cref="Selection"/> did not succeed, no tenant was checked.
/// <see cref="Cancelled"/>: the run was cancelled (SIGINT/SIGTERM), and the tenants it did not reach say so.
/// </summary>
public sealed record VerificationRunResult(TenantSelectionResult Selection, IReadOnlyList<TenantVerification> Tenants, bool Cancelled = false)
{
    /// <summary>True when the tenants were read and every check of every tenant passed.</summary>
    public bool Succeeded => Selection.Succeeded && Tenants.All(tenant => tenant.Passed);
}
