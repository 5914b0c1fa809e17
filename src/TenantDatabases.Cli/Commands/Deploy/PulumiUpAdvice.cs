using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>What deploy tells an operator whose machine has no Pulumi CLI.</summary>
internal static class PulumiUpAdvice
{
    /// <summary>The summary of a <c>pulumi up</c> stage that could not start for want of the CLI.</summary>
    public const string NotOnPath = "the Pulumi CLI (`pulumi`) is not on PATH, so `pulumi up` could not run";

    /// <summary>What to do about a missing CLI.</summary>
    public static string MissingAdvice(string stack) =>
        $"{PulumiCli.InstallHint}, then rerun deploy; or, where the CLI is installed, run `pulumi up --stack {stack}` and " +
        $"`pulumi stack output --json --show-secrets --stack {stack} > outputs.json`, then rerun deploy with --skip-up --outputs outputs.json.";
}
