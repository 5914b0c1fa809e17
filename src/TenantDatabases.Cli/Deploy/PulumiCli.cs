using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Deploy;

/// <summary>Where the Pulumi CLI is, and what to tell an operator who does not have it.</summary>
public static class PulumiCli
{
    /// <summary>Where to get the CLI.</summary>
    public const string InstallHint =
        "Install the Pulumi CLI (https://www.pulumi.com/docs/install/, e.g. `curl -fsSL https://get.pulumi.com | sh`) " +
        "and put it on PATH";

    /// <summary>The full path of <c>pulumi</c> on PATH, or null.</summary>
    public static string? Find() =>
        ExternalCommand.FindOnPath(OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi");

    /// <summary>The summary of a <c>pulumi up</c> stage that could not start for want of the CLI.</summary>
    public const string NotOnPath = "the Pulumi CLI (`pulumi`) is not on PATH, so `pulumi up` could not run";

    /// <summary>What to do about a missing CLI.</summary>
    public static string MissingAdvice(string stack) =>
        $"{InstallHint}, then rerun deploy; or, where the CLI is installed, run `pulumi up --stack {stack}` and " +
        $"`pulumi stack output --json --show-secrets --stack {stack} > outputs.json`, then rerun deploy with --skip-up --outputs outputs.json.";
}
