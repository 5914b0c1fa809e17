using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Migrations;

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
