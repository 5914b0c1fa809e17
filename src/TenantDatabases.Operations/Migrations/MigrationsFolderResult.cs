using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Migrations;

/// <summary>The full path of the scripts folder, or why there is none (a usage problem: say what to pass).</summary>
public sealed record MigrationsFolderResult(string? Folder, ScriptFinding? Problem)
{
    /// <summary>True when a folder was given or found.</summary>
    [MemberNotNullWhen(true, nameof(Folder))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Folder is not null && Problem is null;
}
