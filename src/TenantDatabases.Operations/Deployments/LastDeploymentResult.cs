using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// The stack file's plan compared with the stack's last deployment; or the problem that kept the comparison from
/// being made, which is a reason to stop too: a guard that cannot look must not let a deploy through.
/// </summary>
/// <param name="Comparison">Every tenant's change and the problems they cause, when the comparison was made.</param>
/// <param name="Source">Where the last deployment was read from (for the summary).</param>
/// <param name="StackCreated">True when the stack did not exist and was created on request: a first deploy.</param>
/// <param name="Problem">What stopped the comparison, with its fix.</param>
/// <param name="IsUsageProblem">True when an input was missing or unreadable (exit 2) rather than wrong.</param>
public sealed record LastDeploymentResult(
    PlanComparison? Comparison, string Source, bool StackCreated, string? Problem, bool IsUsageProblem)
{
    /// <summary>True when the comparison was made and found no error: nothing deployed moves or is lost.</summary>
    [MemberNotNullWhen(true, nameof(Comparison))]
    public bool Succeeded => Comparison is not null && Problem is null && !Comparison.Errors.Any();

    internal static LastDeploymentResult Compared(PlanComparison comparison, string source, bool created = false) =>
        new(comparison, source, created, null, false);

    internal static LastDeploymentResult Refused(string problem, string source, bool isUsageProblem = false) =>
        new(null, source, false, problem, isUsageProblem);
}
