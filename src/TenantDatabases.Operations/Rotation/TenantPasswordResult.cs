using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Operations.Rotation;

/// <summary>The tenants whose password version was raised in the stack file, or why nothing was written.</summary>
/// <param name="StackFile">The stack file, as shown in messages, once located.</param>
/// <param name="Raised">The tenants raised; empty when nothing was written.</param>
/// <param name="Problem">Why nothing was written.</param>
/// <param name="IsUsageProblem">True when <see cref="Problem"/> is a missing or unreadable input rather than a refusal.</param>
/// <param name="Problems">The stack file's configuration problems (errors that refused it, or warnings).</param>
public sealed record TenantPasswordResult(
    string? StackFile, IReadOnlyList<RaisedPasswordVersion> Raised, string? Problem, bool IsUsageProblem, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>True when the stack file was written.</summary>
    [MemberNotNullWhen(true, nameof(StackFile))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && StackFile is not null;

    internal static TenantPasswordResult Refused(string? file, string problem, bool isUsageProblem = false, IReadOnlyList<ConfigProblem>? problems = null) =>
        new(file, [], problem, isUsageProblem, problems ?? []);
}
