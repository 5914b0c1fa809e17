using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// A valid set of migration scripts read from <see cref="Folder"/>, or every problem that keeps the files from being
/// one. <see cref="IsUsageProblem"/> is true when there was no folder to read at all (none given or found, or unreadable).
/// </summary>
public sealed record MigrationScriptsResult(string? Folder, MigrationScripts? Scripts, IReadOnlyList<ScriptFinding> Findings, bool IsUsageProblem = false)
{
    /// <summary>True when the scripts form a valid set.</summary>
    [MemberNotNullWhen(true, nameof(Scripts), nameof(Folder))]
    public bool IsValid => Scripts is not null && Folder is not null && Findings.Count == 0;

    /// <summary>Every script with a valid name, in number order, even when the set has problems (for a review of them all).</summary>
    public IReadOnlyList<MigrationScript> Named { get; init; } = [];

    /// <summary>Every finding as one line.</summary>
    public IReadOnlyList<string> Problems => [.. Findings.Select(finding => finding.Describe())];

    /// <summary>A folder that could not be read at all.</summary>
    public static MigrationScriptsResult Unusable(string file, string problem, string fix) =>
        new(null, null, [new ScriptFinding(file, problem, fix)], IsUsageProblem: true);
}
