// Plan: the `tenantdb plan` command: its settings, view and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Inputs;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary><c>tenantdb plan</c>: renders <see cref="PlanRun"/>: where every tenant lives, what each server holds, and what changes since the last deploy.</summary>
internal sealed class PlanCommand(IAnsiConsole console) : Command<PlanSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var run = PlanRun.Run(new PlanRequest(settings.StackName, settings.Cwd, settings.Previous));
        var load = run.Load;
        var exitCode = run.UsageProblem is not null ? ExitCodes.Usage : run.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(PlanReport.From(settings.StackName, load, run.Plan, run.Comparison, run.Problems, run.UsageProblem)));
        }
        else if (run.UsageProblem is { } usage)
        {
            ConsoleLines.WriteLine(console, $"error: {usage}");
        }
        else if (run.Plan is not { } plan)
        {
            ProblemOutput.WriteLines(console, load.Problems, load.DisplayFile);
            ConsoleLines.WriteLine(console, $"{load.DisplayFile}: invalid; nothing to plan until every error is fixed ('tenantdb validate' lists them).");
        }
        else
        {
            PlanTables.Write(console, plan, run.Comparison);
            ProblemOutput.WriteLines(console, run.Problems, load.DisplayFile);
            PlanTables.WriteSummary(console, plan, run.Comparison, exitCode);
        }
        return exitCode;
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
