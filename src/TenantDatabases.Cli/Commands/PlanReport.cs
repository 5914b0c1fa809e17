using TenantDatabases.Cli.Stacks;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Commands;

/// <summary>The JSON of <c>tenantdb plan --format json</c>.</summary>
public sealed record PlanReport(
    string Stack, string? File, bool Valid, bool? Protect,
    IReadOnlyList<ServerPlan>? Servers, IReadOnlyList<TenantPlan>? Tenants, IReadOnlyList<TenantChange>? Changes,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    internal static PlanReport From(string stack, StackLoad load, FleetPlan? plan, PlanComparison? comparison, IEnumerable<ConfigProblem> problems)
    {
        var records = ProblemOutput.InFileOrder(problems).Select(problem => ProblemOutput.ToRecord(problem, load.DisplayFile)).ToList();
        return new PlanReport(stack, load.DisplayFile, plan is not null && records.All(problem => problem.Severity != "error"),
            plan?.Protect, plan?.Servers, plan?.Tenants, comparison?.Changes, records, load.UsageError);
    }
}
