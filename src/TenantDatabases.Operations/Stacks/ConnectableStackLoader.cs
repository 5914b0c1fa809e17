using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// Loads a stack for a command that talks to its servers: validated first (as <c>tenantdb validate</c>
/// does), then the passwords from the first source that applies: <c>--config-json</c> when given; the
/// stack file itself when it uses the passphrase provider; <c>pulumi config --json --show-secrets</c>.
/// </summary>
public static class ConnectableStackLoader
{
    /// <summary>Loads the stack; never throws for bad input.</summary>
    public static async Task<ConnectableStackResult> LoadAsync(
        string? cwd, string stack, string? configJson, bool needsPasswords, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (configJson is not null)
        {
            return FromConfigJson(ProjectLocator.Locate(cwd, stack).Value?.ProjectDirectory, configJson);
        }
        return await ConnectAsync(StackLoader.Load(cwd, stack), stack, needsPasswords, environment, cancellationToken);
    }

    /// <summary>A stack already read (status reads every stack file first), with its passwords when asked for; never throws for bad input.</summary>
    public static async Task<ConnectableStackResult> ConnectAsync(
        StackLoadResult load, string stack, bool needsPasswords, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (load.IsUsageProblem)
        {
            return ConnectableStackResult.Failed(isUsageProblem: true, load.Location?.ProjectDirectory, load.Problem);
        }
        if (!load.IsValid)
        {
            return ConnectableStackResult.Invalid(load.Location?.ProjectDirectory, load.Errors.ToList(), load.DisplayFile);
        }
        var project = load.Location.ProjectDirectory;
        var warnings = load.Warnings.ToList();
        if (!needsPasswords)
        {
            return ConnectableStackResult.Loaded(load.Configuration, ServerPasswords.None, project, "", warnings, load.DisplayFile);
        }
        var secrets = await StackFileSecretSource.PasswordsAsync(load.File, load.Configuration.Servers, stack, project, environment, cancellationToken);
        return secrets.Succeeded
            ? ConnectableStackResult.Loaded(load.Configuration, secrets.Passwords, project, secrets.Source, warnings, load.DisplayFile)
            : ConnectableStackResult.Failed(secrets.IsUsageProblem, project, secrets.Problem, secrets.Source);
    }

    private static ConnectableStackResult FromConfigJson(string? project, string path)
    {
        var read = ConfigJsonFile.Read(path);
        if (!read.IsReadable)
        {
            return ConnectableStackResult.Failed(isUsageProblem: true, project, read.Secrets.Problem ?? $"{path}: cannot be read.", read.Secrets.Source);
        }
        var validation = FleetConfigurationReader.Read(read.Config, ConfigOrigin.PulumiConfig);
        if (!validation.IsValid || validation.Configuration is null)
        {
            return ConnectableStackResult.Invalid(project, validation.Errors.ToList(), path);
        }
        var secrets = read.Secrets;
        return secrets.Succeeded
            ? ConnectableStackResult.Loaded(validation.Configuration, secrets.Passwords, project, secrets.Source, validation.Warnings.ToList(), path)
            : ConnectableStackResult.Failed(isUsageProblem: false, project, secrets.Problem, secrets.Source);
    }
}

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
