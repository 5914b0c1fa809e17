using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The outcome of reading and validating a stack's configuration: the model (when it could be read) and every problem.</summary>
public sealed record ValidationResult(FleetConfiguration? Configuration, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>Errors only.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ProblemSeverity.Error);

    /// <summary>Warnings only.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(problem => problem.Severity == ProblemSeverity.Warning);

    /// <summary>True when nothing blocks the stack.</summary>
    [MemberNotNullWhen(true, nameof(Configuration))]
    public bool IsValid => Configuration is not null && !Errors.Any();
}
