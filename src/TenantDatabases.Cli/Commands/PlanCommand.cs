using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Stacks;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Commands;

/// <summary><c>tenantdb plan</c>: where every tenant lives, what each server holds, and what changes since the last deploy.</summary>
public sealed class PlanCommand(IAnsiConsole console) : Command<PlanSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(settings.Cwd, settings.Stack!);
        if (load.UsageError is not null || !load.IsValid)
        {
            return Refuse(settings, load, load.UsageError);
        }
        var plan = FleetPlanner.Plan(load.Validation!.Configuration!);
        PlanComparison? comparison = null;
        if (settings.Previous is not null)
        {
            var (previous, error) = PreviousOutputsFile.Read(settings.Previous);
            if (previous is null)
            {
                return Refuse(settings, load with { UsageError = error }, error);
            }
            comparison = PlanComparison.Compare(plan, previous);
        }
        var changeProblems = comparison is null ? [] : StackFileLocations.Locate(comparison.Problems, load.File!,
            comparison.Changes.Where(change => change.Kind == TenantChangeKind.Moved).Select(change => change.TenantId));
        var problems = load.Problems.Concat(changeProblems).ToList();
        var exitCode = problems.Any(problem => problem.Severity == ProblemSeverity.Error) ? ExitCodes.Failure : ExitCodes.Success;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, JsonSerializer.Serialize(PlanReport.From(settings.Stack!, load, plan, comparison, problems), ProblemOutput.Json));
        }
        else
        {
            PlanTables.Write(console, plan, comparison);
            ProblemOutput.WriteLines(console, problems, load.DisplayFile);
            PlanTables.WriteSummary(console, plan, comparison, exitCode);
        }
        return exitCode;
    }

    private int Refuse(PlanSettings settings, StackLoad load, string? usageError)
    {
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, JsonSerializer.Serialize(PlanReport.From(settings.Stack!, load, null, null, load.Problems), ProblemOutput.Json));
        }
        else if (usageError is not null)
        {
            ConsoleLines.WriteLine(console, $"error: {usageError}");
        }
        else
        {
            ProblemOutput.WriteLines(console, load.Problems, load.DisplayFile);
            ConsoleLines.WriteLine(console, $"{load.DisplayFile}: invalid; nothing to plan until every error is fixed ('tenantdb validate' lists them).");
        }
        return usageError is not null ? ExitCodes.Usage : ExitCodes.Failure;
    }
}
