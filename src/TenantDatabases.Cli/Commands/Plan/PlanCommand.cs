using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary><c>tenantdb plan</c>: where every tenant lives, what each server holds, and what changes since the last deploy.</summary>
internal sealed class PlanCommand(IAnsiConsole console) : Command<PlanSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(settings.Cwd, settings.StackName);
        if (!load.IsValid)
        {
            return Refuse(settings, load, load.Problem);
        }
        var plan = FleetPlanner.Plan(load.Configuration);
        PlanComparison? comparison = null;
        if (settings.Previous is not null)
        {
            var previous = PreviousOutputsFile.Read(settings.Previous);
            if (!previous.Succeeded)
            {
                return Refuse(settings, load, previous.Problem);
            }
            comparison = PlanComparison.Compare(plan, previous.Deployment);
        }
        var changeProblems = comparison is null ? [] : StackFileLocations.Locate(comparison.Problems, load.File,
            comparison.Changes.Where(change => change.Kind == TenantChangeKind.Moved).Select(change => change.TenantId));
        var problems = load.Problems.Concat(changeProblems).ToList();
        var exitCode = problems.Any(problem => problem.Severity == ProblemSeverity.Error) ? ExitCodes.Failure : ExitCodes.Success;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(PlanReport.From(settings.StackName, load, plan, comparison, problems, null)));
        }
        else
        {
            PlanTables.Write(console, plan, comparison);
            ProblemOutput.WriteLines(console, problems, load.DisplayFile);
            PlanTables.WriteSummary(console, plan, comparison, exitCode);
        }
        return exitCode;
    }

    private int Refuse(PlanSettings settings, StackLoadResult load, string? usageProblem)
    {
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(PlanReport.From(settings.StackName, load, null, null, load.Problems, usageProblem)));
        }
        else if (usageProblem is not null)
        {
            ConsoleLines.WriteLine(console, $"error: {usageProblem}");
        }
        else
        {
            ProblemOutput.WriteLines(console, load.Problems, load.DisplayFile);
            ConsoleLines.WriteLine(console, $"{load.DisplayFile}: invalid; nothing to plan until every error is fixed ('tenantdb validate' lists them).");
        }
        return usageProblem is not null ? ExitCodes.Usage : ExitCodes.Failure;
    }
}
