using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>The outcome of reading a stack file: the file when it parsed, and every problem met.</summary>
public sealed record StackFileResult(StackFile? File, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the file parsed without error.</summary>
    [MemberNotNullWhen(true, nameof(File))]
    public bool IsValid => File is not null && Problems.All(problem => problem.Severity != ProblemSeverity.Error);
}
