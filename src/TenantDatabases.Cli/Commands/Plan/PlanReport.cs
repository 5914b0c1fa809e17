using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>The JSON of <c>tenantdb plan --format json</c>.</summary>
internal sealed record PlanReport(
    string Stack, string? File, bool Valid, bool? Protect,
    IReadOnlyList<ServerPlan>? Servers, IReadOnlyList<TenantPlan>? Tenants, IReadOnlyList<TenantChange>? Changes,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static PlanReport From(string stack, StackLoadResult load, FleetPlan? plan, PlanComparison? comparison, IEnumerable<ConfigProblem> problems, string? usageProblem)
    {
        var records = ProblemOutput.ToRecords(problems, load.DisplayFile);
        return new PlanReport(stack, load.DisplayFile, plan is not null && records.All(problem => problem.Severity != "error"),
            plan?.Protect, plan?.Servers, plan?.Tenants, comparison?.Changes, records, usageProblem);
    }
}
