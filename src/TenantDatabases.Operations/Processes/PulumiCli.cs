using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Operations.Processes;

/// <summary>
/// The one gateway to the Pulumi CLI: where it is, how every call is made (<c>--stack</c> always, never a prompt:
/// <c>--non-interactive</c>, no update check, one time limit, run in the project folder), and which of its known
/// answers mean something of their own (<see cref="PulumiOutcome"/>). Its answers are text, so they are recognised
/// here and nowhere else; a secret it is given goes on standard input and is masked in whatever it says back.
/// </summary>
public sealed class PulumiCli(string executable, string? projectDirectory)
{
    /// <summary>Where to get the CLI.</summary>
    public const string InstallHint =
        "Install the Pulumi CLI (https://www.pulumi.com/docs/install/, e.g. `curl -fsSL https://get.pulumi.com | sh`) " +
        "and put it on PATH";

    /// <summary>How long one call that is not <c>pulumi up</c> may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // No "a newer version is available" on standard error, where it would be taken for the CLI's answer.
    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["PULUMI_SKIP_UPDATE_CHECK"] = "true" };

    /// <summary>The CLI's file name on this system.</summary>
    public static string FileName => OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi";

    /// <summary>The full path of the CLI on PATH, or null.</summary>
    public static string? Find() => ExternalCommand.FindOnPath(FileName);

    /// <summary>The CLI found on PATH, run in <paramref name="projectDirectory"/>; null when it is not installed.</summary>
    public static PulumiCli? Locate(string? projectDirectory) => Find() is { } found ? new PulumiCli(found, projectDirectory) : null;

    /// <summary>The executable this gateway runs.</summary>
    public string Executable => executable;

    /// <summary><c>pulumi stack output --json</c>, with the secrets only when <paramref name="showSecrets"/>.</summary>
    public Task<PulumiAnswer> StackOutputAsync(string stack, bool showSecrets, CancellationToken cancellationToken) =>
        RunAsync(showSecrets ? ["stack", "output", "--json", "--show-secrets"] : ["stack", "output", "--json"], stack, null, cancellationToken);

    /// <summary><c>pulumi config --json --show-secrets</c>: the stack's configuration with its secrets (on standard output only).</summary>
    public Task<PulumiAnswer> ConfigAsync(string stack, CancellationToken cancellationToken) =>
        RunAsync(["config", "--json", "--show-secrets"], stack, null, cancellationToken);

    /// <summary>
    /// <c>pulumi config set --secret --path &lt;path&gt;</c> with <paramref name="value"/> on standard input (the CLI reads it
    /// there when no value argument is given and standard input is not a terminal), never on the command line.
    /// </summary>
    public Task<PulumiAnswer> SetSecretAsync(string stack, string path, string value, CancellationToken cancellationToken) =>
        RunAsync(["config", "set", "--secret", "--path", path], stack, value, cancellationToken);

    /// <summary><c>pulumi stack init</c>, with the passphrase secrets provider when <paramref name="passphrase"/>.</summary>
    public Task<PulumiAnswer> StackInitAsync(string stack, bool passphrase, CancellationToken cancellationToken) =>
        RunAsync(InitArguments(passphrase), stack, null, cancellationToken);

    /// <summary>
    /// <c>pulumi up</c> on the operator's terminal (preview, progress, confirmation prompt), <c>--yes</c> only when asked;
    /// on the first signal Pulumi gets SIGINT and finishes its operations in flight.
    /// </summary>
    public Task<AttachedRun> UpAsync(string stack, string? cwd, bool yes, RunCancellation cancellation, TimeSpan grace, Func<bool>? alreadyInterrupted) =>
        ExternalCommand.RunAttachedAsync(executable, UpArguments(stack, cwd, yes), Environment, cancellation, grace, alreadyInterrupted);

    /// <summary>The arguments of <c>pulumi up</c>, as deploy runs it and shows it.</summary>
    public static IReadOnlyList<string> UpArguments(string stack, string? cwd, bool yes) =>
        [
            "up", "--stack", stack,
            .. cwd is null ? Array.Empty<string>() : ["--cwd", cwd],
            .. yes ? ["--yes"] : Array.Empty<string>(),
        ];

    /// <summary>The command that creates a stack, as run and as shown to an operator who creates it by hand.</summary>
    public static string InitCommand(string stack, bool passphrase) =>
        $"pulumi {string.Join(' ', [.. InitArguments(passphrase), "--stack", stack, "--non-interactive"])}";

    private static IReadOnlyList<string> InitArguments(bool passphrase) =>
        passphrase ? ["stack", "init", "--secrets-provider", "passphrase"] : ["stack", "init"];

    private async Task<PulumiAnswer> RunAsync(IReadOnlyList<string> arguments, string stack, string? secretInput, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> full = [.. arguments, "--stack", stack, "--non-interactive"];
        var shown = $"pulumi {string.Join(' ', arguments)} --stack {stack}";
        var run = await ExternalCommand.RunAsync(executable, full, Timeout, Environment, cancellationToken, projectDirectory, secretInput);
        // Standard error only: standard output may hold secrets. A value given on standard input is masked wherever it is echoed.
        var said = new SecretMask(secretInput is null ? [] : [secretInput]).Apply(run.StandardError.Trim());
        if (run.Problem is { } problem)
        {
            return new PulumiAnswer(PulumiOutcome.Failed, "", $"`{shown}`: {problem}", shown);
        }
        if (run.ExitCode == 0)
        {
            return new PulumiAnswer(PulumiOutcome.Succeeded, run.StandardOutput, null, shown);
        }
        return new PulumiAnswer(Classify(said, stack), "", $"`{shown}` failed (exit {run.ExitCode}): {said}", shown, said);
    }

    // Pulumi's own words: "no stack named 'dev' found"; "PULUMI_ACCESS_TOKEN must be set for login during non-interactive
    // CLI sessions"; a legacy file-backend layout cannot hold organization/project/stack names (docs/pulumi-behaviour.md).
    private static PulumiOutcome Classify(string said, string stack) =>
        said.Contains($"no stack named '{stack}' found", StringComparison.OrdinalIgnoreCase) ? PulumiOutcome.NoSuchStack
        : said.Contains("PULUMI_ACCESS_TOKEN must be set", StringComparison.Ordinal) || said.Contains("not logged in", StringComparison.OrdinalIgnoreCase)
            ? PulumiOutcome.NotLoggedIn
        : PulumiOutcome.Failed;
}

/// <summary>What the Pulumi CLI answered, as far as the tool acts on it.</summary>
public enum PulumiOutcome
{
    /// <summary>It exited 0.</summary>
    Succeeded,
    /// <summary>The backend has no stack of that name.</summary>
    NoSuchStack,
    /// <summary>The CLI is logged in to no backend (and PULUMI_BACKEND_URL is not set).</summary>
    NotLoggedIn,
    /// <summary>Anything else: nothing can be concluded from it.</summary>
    Failed,
}

/// <summary>
/// One call's answer: its outcome, standard output when it succeeded, and the problem (with the command and what the
/// CLI said on standard error, masked) when it did not.
/// </summary>
public sealed record PulumiAnswer(PulumiOutcome Outcome, string Output, string? Problem, string CommandLine, string Said = "")
{
    /// <summary>True when the CLI exited 0.</summary>
    public bool Succeeded => Outcome == PulumiOutcome.Succeeded;
}
