using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Inputs;
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

/// <summary>Options of <c>tenantdb plan</c>.</summary>
internal sealed class PlanSettings : FormatSettings
{
    /// <summary>The JSON of <c>pulumi stack output --json</c> from the last deploy.</summary>
    [CommandOption("--previous <FILE>")]
    [Description("The JSON of 'pulumi stack output --json' from the last deploy: marks tenants added, removed and moved.")]
    public string? Previous { get; init; }
}

/// <summary>Reads the file given to <c>--previous</c>; a problem with it is a usage problem.</summary>
internal static class PreviousOutputsFile
{
    public static PreviousOutputsResult Read(string path)
    {
        var shown = ProjectLocation.DisplayPath(Path.GetFullPath(path));
        // plan is synchronous; the file is local and its size is checked before it is read.
        var input = JsonInput.ReadFileAsync(path, "the last deploy's outputs").GetAwaiter().GetResult();
        if (!input.Succeeded)
        {
            return PreviousOutputsResult.Refused(input.Problem.Replace(path, shown, StringComparison.Ordinal));
        }
        var result = StackOutputsReader.Read(input.Text, shown);
        return result.Deployment is { } deployment ? new PreviousOutputsResult(deployment, null) : PreviousOutputsResult.Refused(result.Problems[0]);
    }
}

/// <summary>The deployment a <c>--previous</c> file describes, or the problem with the file (a usage problem).</summary>
internal sealed record PreviousOutputsResult(PreviousDeployment? Deployment, string? Problem)
{
    [MemberNotNullWhen(true, nameof(Deployment))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Deployment is not null && Problem is null;

    public static PreviousOutputsResult Refused(string problem) => new(null, problem);
}
