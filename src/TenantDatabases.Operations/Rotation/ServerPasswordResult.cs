using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// What a rotation of a server's admin password did: every step in order, where it left the pair, and why it
/// stopped. Never holds a password.
/// </summary>
/// <param name="Server">The server.</param>
/// <param name="Record">Where the stack keeps its password, as shown to people.</param>
/// <param name="Outcome">Where the server and its stack were left.</param>
/// <param name="Steps">The steps that ran, in order.</param>
/// <param name="Problem">Why it did not rotate (null when rotated or possible).</param>
/// <param name="IsUsageProblem">True when <see cref="Problem"/> is a missing or unreadable input.</param>
/// <param name="Manual">What an operator must run when <see cref="RotationOutcome.NeedsAttention"/>.</param>
/// <param name="Problems">Configuration problems of the stack (errors when it did not load, else warnings).</param>
/// <param name="ProblemFile">The file of <see cref="Problems"/>.</param>
public sealed record ServerPasswordResult(
    string Server, string? Record, RotationOutcome Outcome, IReadOnlyList<RotationStep> Steps, string? Problem, bool IsUsageProblem,
    IReadOnlyList<string> Manual, IReadOnlyList<ConfigProblem> Problems, string? ProblemFile)
{
    /// <summary>True when rotated, or when a dry run found every step possible.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Outcome is RotationOutcome.Rotated or RotationOutcome.Possible && Problem is null;

    internal static ServerPasswordResult Refused(string server, string problem, bool isUsageProblem = false,
        IReadOnlyList<ConfigProblem>? problems = null, string? file = null) =>
        new(server, null, RotationOutcome.Unchanged, [], problem, isUsageProblem, [], problems ?? [], file);
}
