using Pulumi;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Infra.Configuration;

/// <summary>
/// The one error of a stack whose configuration Fleet rejects. A <see cref="RunException"/> because
/// Pulumi prints its message alone, without a stack trace.
/// </summary>
internal static class ConfigurationRejection
{
    public static RunException For(IReadOnlyList<ConfigProblem> problems, string stackFile)
    {
        var lines = problems.Select(problem => "  " + problem.Format(stackFile));
        return new RunException(
            $"The stack's configuration has {problems.Count(p => p.Severity == ProblemSeverity.Error)} error(s); "
            + "nothing was declared. Fix each of these (`tenantdb validate` reports the same):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines));
    }
}
