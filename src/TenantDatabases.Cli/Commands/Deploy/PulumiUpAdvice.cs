using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Commands.Deploy;

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
        (cancelled.Summary.StartsWith(Killed, StringComparison.Ordinal)
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
