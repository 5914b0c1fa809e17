using System.Runtime.InteropServices;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>
/// The <c>pulumi up</c> stage: the CLI's own <c>up</c> on the operator's terminal, through <see cref="PulumiCli"/>, so
/// that Pulumi's preview, progress and confirmation prompt work as usual; <c>--yes</c> only when deploy was given it.
/// A cancelled deploy forwards SIGINT to it, on which Pulumi finishes the operations in flight and saves its state;
/// it is killed (leaving pending operations) only on a second signal or after <paramref name="gracePeriod"/>.
/// </summary>
internal sealed class PulumiUpStage(string? pulumiExecutable, TimeSpan? gracePeriod = null)
{
    /// <summary>How long a <c>pulumi up</c> sent SIGINT may take to stop before it is killed.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromMinutes(2);

    /// <summary>The arguments passed to <c>pulumi</c>.</summary>
    public static IReadOnlyList<string> Arguments(DeployRequest request) => PulumiCli.UpArguments(request.Stack, request.WorkingDirectory, request.Yes);

    /// <summary>Runs it; cancelling the token kills it at once.</summary>
    public Task<StageResult> RunAsync(DeployRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, RunCancellation.Immediate(cancellationToken));

    /// <summary>
    /// Runs it; a missing CLI or a non-zero exit is a failed stage, a cancelled run a cancelled one.
    /// <paramref name="interruptReachedChild"/> says whether the signal that stopped the run already reached
    /// Pulumi (a terminal's Ctrl-C), so that it is not sent twice: Pulumi takes a second one as "terminate now".
    /// </summary>
    public async Task<StageResult> RunAsync(DeployRequest request, RunCancellation cancellation, Func<bool>? interruptReachedChild = null)
    {
        if (pulumiExecutable is null)
        {
            return new StageResult(DeployStage.PulumiUp, StageStatus.Failed, ExitCodes.Failure, PulumiUpAdvice.NotOnPath, Outcome: StageOutcome.NoPulumiCli);
        }
        var grace = gracePeriod ?? DefaultGracePeriod;
        var run = await new PulumiCli(pulumiExecutable, null).UpAsync(request.Stack, request.WorkingDirectory, request.Yes, cancellation, grace, interruptReachedChild);
        var commandLine = "pulumi " + string.Join(' ', Arguments(request));
        return run.Ending switch
        {
            AttachedEnding.NotStarted => new StageResult(DeployStage.PulumiUp, StageStatus.Failed, ExitCodes.Failure, $"`{commandLine}`: {run.Reason}"),
            AttachedEnding.Exited when run.ExitCode == 0 =>
                new StageResult(DeployStage.PulumiUp, StageStatus.Passed, ExitCodes.Success, $"`{commandLine}` succeeded"),
            AttachedEnding.Exited => new StageResult(DeployStage.PulumiUp, StageStatus.Failed, ExitCodes.Failure,
                $"`{commandLine}` exited with {run.ExitCode} (Pulumi's output is above)"),
            AttachedEnding.Interrupted => new StageResult(DeployStage.PulumiUp, StageStatus.Cancelled, ExitCodes.Cancelled,
                $"{PulumiUpAdvice.StoppedOnInterrupt}: `{commandLine}` finished its operations in flight and exited with {run.ExitCode}",
                Outcome: StageOutcome.PulumiStopped),
            _ => new StageResult(DeployStage.PulumiUp, StageStatus.Cancelled, ExitCodes.Cancelled,
                $"{PulumiUpAdvice.Killed}: `{commandLine}` was killed {run.Reason}; its operations in flight are left as pending operations in the stack's state",
                Outcome: StageOutcome.PulumiKilled),
        };
    }
}

/// <summary>What deploy tells an operator whose machine has no Pulumi CLI.</summary>
internal static class PulumiUpAdvice
{
    /// <summary>The summary of a <c>pulumi up</c> stage that could not start for want of the CLI.</summary>
    public const string NotOnPath = "the Pulumi CLI (`pulumi`) is not on PATH, so `pulumi up` could not run";

    /// <summary>The start of the summary of a cancelled <c>pulumi up</c> that stopped on SIGINT.</summary>
    public const string StoppedOnInterrupt = "cancelled: SIGINT forwarded to pulumi up";

    /// <summary>The start of the summary of a cancelled <c>pulumi up</c> that had to be killed.</summary>
    public const string Killed = "cancelled and killed";

    /// <summary>What to do after a cancelled <c>pulumi up</c>; pending operations are likelier when it was killed.</summary>
    public static string CancelledAdvice(StageResult cancelled, string stack) =>
        (cancelled.Outcome == StageOutcome.PulumiKilled
            ? "pulumi up was killed, so its operations in flight are pending operations in the stack's state. "
            : "Pulumi stopped after the operations in flight and saved its state. ") +
        $"Before rerunning deploy, look for pending operations and clear them as docs/runbooks/server-unreachable.md says (\"During pulumi up\"): " +
        $"`pulumi stack export --stack {stack} | jq '.deployment.pending_operations'`, then `pulumi refresh --stack {stack} --clear-pending-creates --yes`; " +
        "a cleared create of a tenant's database or role that reached the server must be imported.";

    /// <summary>What to do about a missing CLI.</summary>
    public static string MissingAdvice(string stack) =>
        $"{PulumiCli.InstallHint}, then rerun deploy; or, where the CLI is installed, run `pulumi up --stack {stack}` and " +
        $"`pulumi stack output --json --show-secrets --stack {stack} > outputs.json`, then rerun deploy with --skip-up --outputs outputs.json.";
}
