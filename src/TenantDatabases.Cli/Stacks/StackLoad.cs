using TenantDatabases.Cli.Project;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Stacks;

/// <summary>
/// A stack file located, read and validated; or the usage error (no Pulumi.yaml, unreadable file)
/// that stopped it. <see cref="Problems"/> holds every problem of the file and of its configuration.
/// </summary>
public sealed record StackLoad(
    ProjectLocation? Location,
    StackFile? File,
    ValidationResult? Validation,
    IReadOnlyList<ConfigProblem> Problems,
    string? UsageError)
{
    /// <summary>The stack file as shown in messages.</summary>
    public string? DisplayFile => Location?.DisplayStackFile;

    /// <summary>True when the configuration was read and has no error.</summary>
    public bool IsValid => UsageError is null && Validation is { IsValid: true } && Problems.All(problem => problem.Severity != ProblemSeverity.Error);

    /// <summary>0 valid, 1 invalid, 2 usage error or unreadable file.</summary>
    public int ExitCode => UsageError is not null ? ExitCodes.Usage : IsValid ? ExitCodes.Success : ExitCodes.Failure;
}
