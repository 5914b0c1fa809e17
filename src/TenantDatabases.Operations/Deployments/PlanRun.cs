using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Inputs;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// The plan use-case: the stack validated, Fleet's plan of it, and with the last deploy's outputs the comparison,
/// whose problems (a moved tenant, a protected one removed) get their place in the stack file. Needs no secret and
/// no server.
/// </summary>
public static class PlanRun
{
    /// <summary>Plans; never throws for bad input.</summary>
    public static PlanRunResult Run(PlanRequest request)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        if (!load.IsValid)
        {
            return new PlanRunResult(load, null, null, load.Problems, load.Problem);
        }
        var plan = FleetPlanner.Plan(load.Configuration);
        if (request.PreviousOutputsFile is not { } file)
        {
            return new PlanRunResult(load, plan, null, load.Problems, null);
        }
        var previous = ReadPrevious(file);
        if (!previous.Succeeded)
        {
            return new PlanRunResult(load, null, null, load.Problems, previous.Problem);
        }
        var comparison = PlanComparison.Compare(plan, previous.Value);
        var moved = comparison.Changes.Where(change => change.Kind == TenantChangeKind.Moved).Select(change => change.TenantId);
        return new PlanRunResult(load, plan, comparison, [.. load.Problems, .. load.File.Locate(comparison.Problems, moved)], null);
    }

    /// <summary>The deployment a saved <c>pulumi stack output --json</c> describes; a problem with the file is a usage problem.</summary>
    public static Result<PreviousDeployment> ReadPrevious(string path)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(path));
        // plan is synchronous; the input is bounded while it is read.
        var input = JsonInput.ReadFileAsync(path, "the last deploy's outputs").GetAwaiter().GetResult();
        if (!input.Succeeded)
        {
            return Result<PreviousDeployment>.Refused(input.Problem.Replace(path, shown, StringComparison.Ordinal));
        }
        var read = StackOutputsReader.Read(input.Value, shown);
        return read.Deployment is { } deployment ? Result<PreviousDeployment>.Of(deployment) : Result<PreviousDeployment>.Refused(read.Problems[0]);
    }
}

/// <summary>What to plan.</summary>
/// <param name="Stack">The stack.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="PreviousOutputsFile">The last deploy's <c>pulumi stack output --json</c>, to compare with; or null.</param>
public sealed record PlanRequest(string Stack, string? WorkingDirectory, string? PreviousOutputsFile);

/// <summary>A plan, its comparison with the last deploy when asked for, and every problem; or what stopped it.</summary>
/// <param name="Load">The stack as loaded.</param>
/// <param name="Plan">The plan; null when the stack is invalid or an input could not be read.</param>
/// <param name="Comparison">The comparison with the last deploy; null without one.</param>
/// <param name="Problems">The stack's problems and the comparison's, each with its place in the stack file where known.</param>
/// <param name="UsageProblem">A missing or unreadable input (the stack file, the outputs file): exit 2.</param>
public sealed record PlanRunResult(
    StackLoadResult Load, FleetPlan? Plan, PlanComparison? Comparison, IReadOnlyList<ConfigProblem> Problems, string? UsageProblem)
{
    /// <summary>True when there is a plan and nothing refuses it.</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Succeeded => Plan is not null && UsageProblem is null && Problems.All(problem => problem.Severity != ProblemSeverity.Error);
}
