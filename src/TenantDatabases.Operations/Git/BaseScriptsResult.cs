using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Git;

/// <summary>The scripts at the base commit, or why they could not be read (a usage problem: a missing commit, no git).</summary>
public sealed record BaseScriptsResult(string? Commit, IReadOnlyList<BaseScript> Scripts, string? Problem)
{
    /// <summary>True when the base was read (it may hold no scripts: the folder is new since then).</summary>
    [MemberNotNullWhen(true, nameof(Commit))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Commit is not null && Problem is null;

    internal static BaseScriptsResult Refused(string problem) => new(null, [], problem);
}
