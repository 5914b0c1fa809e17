using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// A stack as the Pulumi CLI's backend knows it: its last outputs (without secrets: placements and servers are
/// plain), or why there are none. The CLI answers in text only, so the two answers that have a fix of their own
/// (no such stack, not logged in) are recognised here and nowhere else.
/// </summary>
public static class BackendStack
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly IReadOnlyDictionary<string, string> Quiet = new Dictionary<string, string> { ["PULUMI_SKIP_UPDATE_CHECK"] = "true" };

    /// <summary><c>pulumi stack output --json --stack &lt;stack&gt;</c>, classified.</summary>
    public static async Task<BackendStackResult> ReadOutputsAsync(string pulumi, string stack, string? workingDirectory, CancellationToken cancellationToken)
    {
        CommandResult run;
        try
        {
            run = await ExternalCommand.RunAsync(pulumi, ["stack", "output", "--json", "--stack", stack, "--non-interactive"],
                Timeout, Quiet, cancellationToken, workingDirectory);
        }
        catch (TimeoutException error)
        {
            return BackendStackResult.Failed($"`pulumi stack output --stack {stack}`: {error.Message}");
        }
        if (run.ExitCode == 0)
        {
            return new BackendStackResult(BackendStackState.Found, run.StandardOutput, null);
        }
        var said = run.StandardError.Trim();
        // Pulumi's own words: "no stack named 'dev' found"; "PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions".
        if (said.Contains($"no stack named '{stack}' found", StringComparison.OrdinalIgnoreCase))
        {
            return new BackendStackResult(BackendStackState.Missing, null, said);
        }
        if (said.Contains("PULUMI_ACCESS_TOKEN must be set", StringComparison.Ordinal)
            || said.Contains("not logged in", StringComparison.OrdinalIgnoreCase))
        {
            return new BackendStackResult(BackendStackState.NotLoggedIn, null, said);
        }
        return BackendStackResult.Failed($"`pulumi stack output --stack {stack}` failed (exit {run.ExitCode}): {said}");
    }

    /// <summary>
    /// <c>pulumi stack init &lt;stack&gt;</c>; with <paramref name="passphrase"/> the stack keeps the passphrase secrets
    /// provider its file's <c>encryptionsalt</c> already selects, whatever the backend's default.
    /// </summary>
    public static async Task<string?> InitAsync(string pulumi, string stack, string? workingDirectory, bool passphrase, CancellationToken cancellationToken)
    {
        try
        {
            var run = await ExternalCommand.RunAsync(pulumi, InitArguments(stack, passphrase), Timeout, Quiet, cancellationToken, workingDirectory);
            return run.ExitCode == 0 ? null : $"`pulumi {string.Join(' ', InitArguments(stack, passphrase))}` failed (exit {run.ExitCode}): {run.StandardError.Trim()}";
        }
        catch (TimeoutException error)
        {
            return $"`pulumi stack init {stack}`: {error.Message}";
        }
    }

    /// <summary>The arguments of the stack's creation, also shown to an operator who creates it by hand.</summary>
    public static IReadOnlyList<string> InitArguments(string stack, bool passphrase) =>
        passphrase ? ["stack", "init", stack, "--secrets-provider", "passphrase", "--non-interactive"] : ["stack", "init", stack, "--non-interactive"];
}

/// <summary>What the backend said of a stack.</summary>
public enum BackendStackState
{
    /// <summary>The stack exists; its outputs were read (empty before its first deploy).</summary>
    Found,

    /// <summary>The backend has no stack of that name.</summary>
    Missing,

    /// <summary>The CLI is logged in to no backend (and PULUMI_BACKEND_URL is not set).</summary>
    NotLoggedIn,

    /// <summary>Any other failure: nothing can be concluded from it.</summary>
    Failed,
}

/// <summary>The backend's answer: the outputs' JSON when <see cref="State"/> is <see cref="BackendStackState.Found"/>, else the problem.</summary>
public sealed record BackendStackResult(BackendStackState State, string? OutputsJson, string? Problem)
{
    internal static BackendStackResult Failed(string problem) => new(BackendStackState.Failed, null, problem);
}
