using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.ScriptReview;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>
/// <c>tenantdb migrations check</c>: the review of the scripts a pull request runs, with no server and no secret.
/// Every finding at once, each with its file and fix. Exit 0 (warnings allowed), 1 for a problem, 2 when it cannot run.
/// </summary>
internal sealed class MigrationsCheckCommand(IAnsiConsole console) : AsyncCommand<MigrationsCheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MigrationsCheckSettings settings, CancellationToken cancellationToken)
    {
        var review = await ScriptReviewRun.RunAsync(settings.ToRequest(), cancellationToken);
        foreach (var problem in review.Problems)
        {
            ConsoleLines.WriteLine(console, $"error: {problem.Describe()}");
        }
        foreach (var warning in review.Warnings)
        {
            ConsoleLines.WriteLine(console, $"warning: {warning.Describe()}");
        }
        if (review.IsUsageProblem)
        {
            return ExitCodes.Usage;
        }
        var against = review.BaseCommit is { } commit ? $", compared with {settings.Base} ({commit[..12]})" : "";
        ConsoleLines.WriteLine(console, review.IsValid
            ? $"{review.Folder}: {review.ScriptCount} script(s) pass{against}; {review.Warnings.Count} warning(s)."
            : $"{review.Folder}: {review.Problems.Count} problem(s), {review.Warnings.Count} warning(s){against}.");
        return review.IsValid ? ExitCodes.Success : ExitCodes.Failure;
    }
}
