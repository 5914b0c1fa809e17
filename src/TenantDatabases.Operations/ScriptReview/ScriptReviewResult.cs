using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// Every finding of a review, problems and warnings alike. When <see cref="IsUsageProblem"/> is true the review could
/// not run (no folder, no git, an unknown base) and <see cref="Findings"/> says why.
/// </summary>
/// <param name="Folder">The folder as people see it (null when none was found).</param>
/// <param name="ScriptCount">How many scripts with valid names the folder holds.</param>
/// <param name="BaseCommit">The commit <c>--base</c> named, when one was compared.</param>
public sealed record ScriptReviewResult(string? Folder, int ScriptCount, string? BaseCommit, IReadOnlyList<ScriptFinding> Findings, bool IsUsageProblem)
{
    /// <summary>The findings that fail the check.</summary>
    public IReadOnlyList<ScriptFinding> Problems => [.. Findings.Where(finding => !finding.IsWarning)];

    /// <summary>The findings worth a look that do not fail it.</summary>
    public IReadOnlyList<ScriptFinding> Warnings => [.. Findings.Where(finding => finding.IsWarning)];

    /// <summary>True when the review ran and found no problem (warnings allowed).</summary>
    public bool IsValid => !IsUsageProblem && Problems.Count == 0;
}
