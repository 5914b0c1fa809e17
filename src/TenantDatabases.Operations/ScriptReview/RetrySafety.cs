using System.Text.RegularExpressions;

namespace TenantDatabases.Operations.ScriptReview;

/// <summary>
/// Which statements of a <c>-- tenantdb:no-transaction</c> script cannot safely run twice, read from their text
/// alone (docs/migrations.md lists the rules). Such a script is journaled after its last statement, so a failure
/// part-way makes the next run repeat the statements that had already succeeded.
/// </summary>
internal static partial class RetrySafety
{
    /// <summary>Why <paramref name="words"/> (see <see cref="StatementWords"/>) cannot be repeated safely, or null when it can or cannot be told.</summary>
    public static string? Hazard(string words)
    {
        if (DataChange().IsMatch(words))
        {
            return "changes rows, and would change them again";
        }
        if (words.StartsWith("CREATE ", StringComparison.Ordinal))
        {
            return ConcurrentIndexIfNotExists().IsMatch(words) ? "keeps an INVALID index an interrupted build left behind (IF NOT EXISTS finds it)"
                : words.Contains(" IF NOT EXISTS ", StringComparison.Ordinal) || words.StartsWith("CREATE OR REPLACE ", StringComparison.Ordinal) ? null
                : "fails when the object exists";
        }
        if (words.StartsWith("DROP ", StringComparison.Ordinal))
        {
            return words.Contains(" IF EXISTS", StringComparison.Ordinal) ? null : "fails when the object is gone";
        }
        if (words.StartsWith("ALTER ", StringComparison.Ordinal))
        {
            return AlterRename().IsMatch(words) ? "renames, and fails the second time"
                : AlterAdd().IsMatch(words) ? "adds without IF NOT EXISTS, and fails the second time"
                : AlterDrop().IsMatch(words) ? "drops without IF EXISTS, and fails the second time"
                : AlterPartition().IsMatch(words) ? "attaches or detaches a partition, and fails the second time"
                : null;
        }
        return null;
    }

    [GeneratedRegex(@"^(WITH .*\b)?(INSERT|UPDATE|DELETE|MERGE|COPY)\b")]
    private static partial Regex DataChange();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS\b")]
    private static partial Regex ConcurrentIndexIfNotExists();

    [GeneratedRegex(@"\bRENAME\b")]
    private static partial Regex AlterRename();

    [GeneratedRegex(@"\bADD (?!((COLUMN|VALUE) )?IF NOT EXISTS\b)")]
    private static partial Regex AlterAdd();

    [GeneratedRegex(@"\bDROP (?!((COLUMN|CONSTRAINT) )?IF EXISTS\b|DEFAULT\b|NOT NULL\b|EXPRESSION\b|IDENTITY\b)")]
    private static partial Regex AlterDrop();

    [GeneratedRegex(@"\b(ATTACH|DETACH) PARTITION\b")]
    private static partial Regex AlterPartition();
}
