using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Cli.Stacks;

/// <summary>
/// A stack ready to connect to its servers: its validated configuration and, when asked for, the
/// servers' passwords; or what stopped it, with the exit code that goes with it.
/// </summary>
/// <param name="ExitCode">0 loaded; 1 invalid configuration or secrets that do not decrypt; 2 a missing or unreadable input.</param>
/// <param name="Configuration">The configuration when loaded.</param>
/// <param name="Passwords">The passwords when loaded and asked for.</param>
/// <param name="ProjectDirectory">The folder of Pulumi.yaml, when found.</param>
/// <param name="SecretSource">Where the passwords came from.</param>
/// <param name="Errors">Why it did not load, beyond configuration problems.</param>
/// <param name="Problems">Configuration problems (errors when invalid, warnings when loaded).</param>
/// <param name="ProblemFile">The file the problems are in, as shown in messages.</param>
public sealed record ConnectableStack(
    int ExitCode,
    FleetConfiguration? Configuration,
    ServerPasswords? Passwords,
    string? ProjectDirectory,
    string SecretSource,
    IReadOnlyList<string> Errors,
    IReadOnlyList<ConfigProblem> Problems,
    string? ProblemFile)
{
    /// <summary>True when the configuration (and the passwords, when asked for) are there.</summary>
    public bool Loaded => ExitCode == ExitCodes.Success;

    internal static ConnectableStack Failed(int exitCode, string? projectDirectory, string error, string source = "") =>
        new(exitCode, null, null, projectDirectory, source, [error], [], null);

    internal static ConnectableStack Invalid(string? projectDirectory, IReadOnlyList<ConfigProblem> problems, string? file) =>
        new(ExitCodes.Failure, null, null, projectDirectory, "", [], problems, file);
}
