using Spectre.Console;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>How deploy's stack stage shows its comparison with the last deployment.</summary>
internal static class LastDeploymentOutput
{
    /// <summary>Writes every problem with its fix; returns the stage's exit code.</summary>
    public static int Write(IAnsiConsole console, LastDeploymentResult check, string stack)
    {
        if (check.Problem is { } problem)
        {
            ConsoleLines.WriteLine(console, $"error: {problem}");
            return check.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        }
        if (check.Comparison is { } comparison)
        {
            ProblemOutput.WriteLines(console, comparison.Problems, $"Pulumi.{stack}.yaml");
        }
        return check.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The stage's one line: what was compared with what, or the first thing that stopped it.</summary>
    public static string Summary(LastDeploymentResult check)
    {
        if (check.Comparison is not { } comparison)
        {
            return $"error: {check.Problem}";
        }
        if (comparison.Errors.FirstOrDefault() is { } error)
        {
            return $"error: {error.Message}";
        }
        int Count(TenantChangeKind kind) => comparison.Changes.Count(change => change.Kind == kind);
        var deployed = comparison.Changes.Count(change => change.Kind is not (TenantChangeKind.Added or TenantChangeKind.Unknown));
        return check.StackCreated
            ? $"created {check.Source} (--create-stack): a first deploy, {Count(TenantChangeKind.Added)} tenant(s) to create."
            : $"{check.Source}: {deployed} deployed tenant(s), none moves; {Count(TenantChangeKind.Added)} added, {Count(TenantChangeKind.Removed)} removed.";
    }
}
