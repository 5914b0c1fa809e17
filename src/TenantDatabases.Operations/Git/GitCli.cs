using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Git;

/// <summary>
/// The gateway to git: what it is called, its environment (no prompt, no optional locks, C locale for messages that
/// are read), its time limit and what a missing git means. Only commands that read objects are run, never ones that
/// touch the working tree (which could run a repository's configured filters or hooks); the output is bounded by
/// <see cref="ExternalCommand"/>, since a pull request wrote the repository.
/// </summary>
internal static class GitCli
{
    /// <summary>Longest one git command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The program's file name on this system.</summary>
    public static string FileName => OperatingSystem.IsWindows() ? "git.exe" : "git";

    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>Runs git in <paramref name="folder"/>; <paramref name="input"/> is written to its standard input.</summary>
    public static async Task<CommandResult> RunAsync(
        string folder, IReadOnlyList<string> arguments, long maxOutputBytes, CancellationToken cancellationToken, string? input = null)
    {
        var result = await ExternalCommand.RunAsync(FileName, arguments, Timeout, Environment, cancellationToken, folder, input, maxOutputBytes);
        return result.Failure switch
        {
            null => result,
            CommandFailure.NotStarted => CommandResult.NotRun(CommandFailure.NotStarted, "git is not installed or not on PATH; install git to compare with --base"),
            var failure => CommandResult.NotRun(failure.Value, $"`git {arguments[0]}`: {result.Problem}"),
        };
    }
}
