// ScriptReview: migrations check: the scripts' names, transaction rules and edits against a git base.
using TenantDatabases.Operations.Git;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// The <c>tenantdb migrations check</c> use-case: no server, no secret. Reads the folder (its own rules), compares it
/// with the base commit when asked, and looks for no-transaction scripts that cannot be retried; every finding at once.
/// </summary>
public static class ScriptReviewRun
{
    public static async Task<ScriptReviewResult> RunAsync(ScriptReviewRequest request, CancellationToken cancellationToken, TextReader? standardInput = null)
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
            var changes = ScriptFindings.Changes(atBase.Scripts, read.Named, folder, baseRef);
            if (request.UnappliedOn.Count > 0 && changes.Count > 0)
            {
                var journals = await JournalProof.ReadAsync(request.UnappliedOn, request.WorkingDirectory, standardInput ?? TextReader.Null, cancellationToken);
                if (!journals.Succeeded)
                {
                    return new ScriptReviewResult(folder, read.Named.Count, commit, [new ScriptFinding(folder, journals.Problem, "")], IsUsageProblem: true);
                }
                var judged = changes.Select(change => JournalProof.Judge(change, journals.Value, atBase.Scripts, baseRef)).ToList();
                findings.AddRange(judged);
                findings.AddRange(StacksNotRead(request, judged.Any(finding => finding.IsWarning)));
                return new ScriptReviewResult(folder, read.Named.Count, commit, [.. findings, .. ScriptFindings.RetryHazards(read.Named, folder)], false)
                {
                    JournalsRead = journals.Value.Sources,
                };
            }
            findings.AddRange(changes.Select(change => change.Finding));
        }
        findings.AddRange(ScriptFindings.RetryHazards(read.Named, folder));
        return new ScriptReviewResult(folder, read.Named.Count, commit, findings, IsUsageProblem: false);
    }

    // A proof covers the stacks it read: the project's other stack files are named, since their tenants may hold the script.
    private static IEnumerable<ScriptFinding> StacksNotRead(ScriptReviewRequest request, bool anyAllowed)
    {
        if (!anyAllowed || ProjectLocator.FindProjectDirectory(Path.GetFullPath(request.WorkingDirectory ?? Environment.CurrentDirectory)) is not { } project)
        {
            yield break;
        }
        var named = request.UnappliedOn.Select(source => source.Stack).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var others = Directory.EnumerateFiles(project, "Pulumi.*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(file => !named.Contains(file["Pulumi.".Length..^".yaml".Length])).Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            yield return new ScriptFinding(ProjectLocation.DisplayPath(project),
                $"the journals of {string.Join(", ", others)} were not read by name (--unapplied-on)",
                "if one of these stacks is deployed from these scripts and its outputs were not given with --unapplied-on-outputs, name it too.", IsWarning: true);
        }
    }
}

/// <summary>What <c>tenantdb migrations check</c> was asked to review.</summary>
/// <param name="ScriptsFolder">The folder (<c>--scripts</c>), or null for the migrations/ folder beside Pulumi.yaml.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="BaseRef">The git revision to compare with (<c>--base</c>), or null to check the folder alone.</param>
/// <param name="UnappliedOn">
/// The stacks (or saved outputs) whose tenants' journals may prove that an edited, renamed or deleted script of the
/// base, or the scripts a new one is numbered below, were never applied (<c>--unapplied-on</c>); empty for none.
/// </param>
public sealed record ScriptReviewRequest(string? ScriptsFolder, string? WorkingDirectory, string? BaseRef, IReadOnlyList<JournalSource>? UnappliedOn = null)
{
    /// <summary>The sources of the proof, none when not asked for.</summary>
    public IReadOnlyList<JournalSource> UnappliedOn { get; init; } = UnappliedOn ?? [];
}

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

    /// <summary>For each source of the proof, how many tenants' journals were read (empty when none was asked for or needed).</summary>
    public IReadOnlyList<string> JournalsRead { get; init; } = [];

    /// <summary>True when the review ran and found no problem (warnings allowed).</summary>
    public bool IsValid => !IsUsageProblem && Problems.Count == 0;
}
