using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Stacks;

/// <summary>How loading a stack ended.</summary>
public enum StackLoadStatus
{
    /// <summary>Configuration valid, passwords delivered when asked for.</summary>
    Loaded,
    /// <summary>An input is missing or unreadable: no Pulumi.yaml, no stack file, no passphrase (exit 2).</summary>
    Unusable,
    /// <summary>The configuration is invalid or its secrets do not decrypt (exit 1).</summary>
    Invalid,
}

/// <summary>A stack's validated configuration and, when asked for, its servers' passwords; or every message saying why not.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Configuration">The configuration when loaded.</param>
/// <param name="Passwords">The passwords when loaded and asked for.</param>
/// <param name="ProjectDirectory">The folder of Pulumi.yaml, when found.</param>
/// <param name="SecretSource">Where the passwords came from.</param>
/// <param name="Errors">Why it did not load, one line each, already formatted with file and config path.</param>
/// <param name="Warnings">Validation warnings of a loaded stack.</param>
public sealed record LoadedStack(
    StackLoadStatus Status,
    FleetConfiguration? Configuration,
    ServerPasswords? Passwords,
    string? ProjectDirectory,
    string SecretSource,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings)
{
    internal static LoadedStack Unusable(string? projectDirectory, params string[] errors) =>
        new(StackLoadStatus.Unusable, null, null, projectDirectory, "", errors, []);

    internal static LoadedStack Invalid(string? projectDirectory, IReadOnlyList<string> errors) =>
        new(StackLoadStatus.Invalid, null, null, projectDirectory, "", errors, []);
}
