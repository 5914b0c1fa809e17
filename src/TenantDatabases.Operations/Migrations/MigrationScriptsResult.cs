using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Migrations;

/// <summary>A valid set of migration scripts, or every problem that keeps the files from being one.</summary>
public sealed record MigrationScriptsResult(MigrationScripts? Scripts, IReadOnlyList<string> Problems)
{
    /// <summary>True when the scripts form a valid set.</summary>
    [MemberNotNullWhen(true, nameof(Scripts))]
    public bool IsValid => Scripts is not null && Problems.Count == 0;
}
