// ScriptReview: migrations check: the scripts' names, transaction rules and edits against a git base.
using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// The <c>tenantdb migrations check</c> use-case: no server, no secret. Reads the folder (its own rules), compares it
/// with the base commit when asked, and looks for no-transaction scripts that cannot be retried; every finding at once.
/// </summary>
public static class ScriptReviewRun
{
    public static async Task<ScriptReviewResult> RunAsync(ScriptReviewRequest request, CancellationToken cancellationToken)
    {
        var located = MigrationsFolder.Locate(request.ScriptsFolder, request.WorkingDirectory);
        if (!located.Succeeded)
        {
            return new ScriptReviewResult(null, 0, null, [located.Problem], IsUsageProblem: true);
        }
        var read = MigrationScripts.FromFolder(located.Folder);
        if (read.IsUsageProblem)
        {
            return new ScriptReviewResult(read.Folder, 0, null, read.Findings, IsUsageProblem: true);
        }
        var folder = read.Folder ?? located.Folder;
        var findings = new List<ScriptFinding>(read.Findings);
        string? commit = null;
        if (request.BaseRef is { } baseRef)
        {
            var atBase = await BaseScripts.ReadAsync(located.Folder, baseRef, cancellationToken);
            if (!atBase.Succeeded)
            {
                return new ScriptReviewResult(folder, read.Named.Count, null, [new ScriptFinding(folder, atBase.Problem, "")], IsUsageProblem: true);
            }
            commit = atBase.Commit;
            findings.AddRange(ScriptFindings.SinceBase(atBase.Scripts, read.Named, folder, baseRef));
        }
        findings.AddRange(ScriptFindings.RetryHazards(read.Named, folder));
        return new ScriptReviewResult(folder, read.Named.Count, commit, findings, IsUsageProblem: false);
    }
}

/// <summary>What <c>tenantdb migrations check</c> was asked to review.</summary>
/// <param name="ScriptsFolder">The folder (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="BaseRef">The git revision to compare with (<c>--base</c>), or null to check the folder alone.</param>
public sealed record ScriptReviewRequest(string? ScriptsFolder, string? WorkingDirectory, string? BaseRef);

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
