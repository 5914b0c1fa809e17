using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Verification;

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
