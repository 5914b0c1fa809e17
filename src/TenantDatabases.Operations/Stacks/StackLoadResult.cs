using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// A stack file located, read and validated (what <c>tenantdb validate</c> reports); or the <see cref="Problem"/>
/// that stopped it before its configuration could be read (no Pulumi.yaml, an unreadable file), which is a usage
/// problem. <see cref="Problems"/> holds every problem of the file and of its configuration.
/// </summary>
public sealed record StackLoadResult(
    ProjectLocation? Location,
    StackFile? File,
    ValidationResult? Validation,
    IReadOnlyList<ConfigProblem> Problems,
    string? Problem)
{
    /// <summary>The stack file as shown in messages.</summary>
    public string? DisplayFile => Location?.DisplayStackFile;

    /// <summary>The configuration, when it could be read.</summary>
    public FleetConfiguration? Configuration => Validation?.Configuration;

    /// <summary>True when the stack could not even be read: a missing or unreadable input.</summary>
    [MemberNotNullWhen(true, nameof(Problem))]
    public bool IsUsageProblem => Problem is not null;

    /// <summary>True when the configuration was read and has no error.</summary>
    [MemberNotNullWhen(true, nameof(Location), nameof(File), nameof(Configuration))]
    public bool IsValid =>
        Problem is null && Location is not null && File is not null && Configuration is not null
        && Validation is { IsValid: true } && Problems.All(problem => problem.Severity != ProblemSeverity.Error);

    /// <summary>The errors.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ProblemSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(problem => problem.Severity == ProblemSeverity.Warning);
}
