namespace TenantDatabases.Operations.ScriptReview;

/// <summary>What <c>tenantdb migrations check</c> was asked to review.</summary>
/// <param name="ScriptsFolder">The folder (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="BaseRef">The git revision to compare with (<c>--base</c>), or null to check the folder alone.</param>
public sealed record ScriptReviewRequest(string? ScriptsFolder, string? WorkingDirectory, string? BaseRef);
