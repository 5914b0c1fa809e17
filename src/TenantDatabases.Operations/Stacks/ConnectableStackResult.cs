using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// A stack ready to connect to its servers: its validated configuration and, when asked for, the servers'
/// passwords; or what stopped it.
/// </summary>
/// <param name="Configuration">The configuration when loaded.</param>
/// <param name="Passwords">The passwords when loaded (none when they were not asked for).</param>
/// <param name="ProjectDirectory">The folder of Pulumi.yaml, when found (a <c>--config-json</c> stack may have none).</param>
/// <param name="SecretSource">Where the passwords came from.</param>
/// <param name="Problem">Why it did not load, beyond configuration problems (a missing input, secrets that do not decrypt).</param>
/// <param name="IsUsageProblem">True when <see cref="Problem"/> is a missing or unreadable input rather than a wrong one.</param>
/// <param name="Problems">Configuration problems (errors when invalid, warnings when loaded).</param>
/// <param name="ProblemFile">The file the problems are in, as shown in messages.</param>
public sealed record ConnectableStackResult(
    FleetConfiguration? Configuration,
    ServerPasswords? Passwords,
    string? ProjectDirectory,
    string SecretSource,
    string? Problem,
    bool IsUsageProblem,
    IReadOnlyList<ConfigProblem> Problems,
    string? ProblemFile)
{
    /// <summary>True when the configuration (and the passwords, when asked for) are there.</summary>
    [MemberNotNullWhen(true, nameof(Configuration), nameof(Passwords))]
    public bool Succeeded => Configuration is not null && Passwords is not null && Problem is null;

    internal static ConnectableStackResult Loaded(
        FleetConfiguration configuration, ServerPasswords passwords, string? project, string source, IReadOnlyList<ConfigProblem> warnings, string? file) =>
        new(configuration, passwords, project, source, null, false, warnings, file);

    internal static ConnectableStackResult Failed(bool isUsageProblem, string? projectDirectory, string problem, string source = "") =>
        new(null, null, projectDirectory, source, problem, isUsageProblem, [], null);

    internal static ConnectableStackResult Invalid(string? projectDirectory, IReadOnlyList<ConfigProblem> problems, string? file) =>
        new(null, null, projectDirectory, "", null, false, problems, file);
}
