using Pulumi;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Infra.Configuration;

/// <summary>
/// The one error of a stack the program refuses to declare. A <see cref="RunException"/> because Pulumi prints
/// its message alone, without a stack trace, and fails the preview or update before any resource changes.
/// </summary>
internal static class ConfigurationRejection
{
    /// <summary>The configuration itself is invalid.</summary>
    public static RunException For(IReadOnlyList<ConfigProblem> problems, string stackFile) =>
        new($"The stack's configuration has {problems.Count(p => p.Severity == ProblemSeverity.Error)} error(s); "
            + "nothing was declared. Fix each of these (`tenantdb validate` reports the same):"
            + Lines(problems, stackFile));

    /// <summary>The configuration is valid, but applying it to what the last deploy left would lose or orphan data.</summary>
    public static RunException ForChanges(PlanComparison comparison, string stackFile)
    {
        var errors = comparison.Errors.ToList();
        return new($"The stack's configuration changes {errors.Count} deployed tenant(s) in a way that would lose or orphan their data; "
            + "nothing was declared and nothing changed on any server. Fix each of these (`tenantdb plan --previous` reports the same):"
            + Lines(errors, stackFile));
    }

    private static string Lines(IEnumerable<ConfigProblem> problems, string stackFile) =>
        Environment.NewLine + string.Join(Environment.NewLine, problems.Select(problem => "  " + problem.Format(stackFile)));
}
