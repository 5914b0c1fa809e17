// Secrets: where the servers' admin passwords come from: the stack file, --config-json or the Pulumi CLI.
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// The servers' passwords of a stack read from its stack file: decrypted from the file itself when it
/// uses the passphrase provider, else from <c>pulumi config --json --show-secrets</c> when the CLI is on PATH.
/// </summary>
public static class StackFileSecretSource
{
    /// <summary>The description of the Pulumi CLI source in reports.</summary>
    public const string PulumiCliName = "pulumi config";

    /// <summary>The passwords of <paramref name="servers"/>, or why they cannot be had (never a secret).</summary>
    public static async Task<SecretsResult> PasswordsAsync(
        StackFile file, IReadOnlyList<ServerDefinition> servers, string stack, string projectDirectory,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        // Pulumi writes no secretsprovider key for the default passphrase provider, only the salt.
        if (file.SecretsProvider == "passphrase" || (file.SecretsProvider is null && file.EncryptionSalt is not null))
        {
            // The CLI would need the same passphrase, so it is no fallback here.
            var passphrase = PassphraseSource.Read(environment, stack);
            if (!passphrase.Succeeded)
            {
                return SecretsResult.Missing(passphrase.Problem, StackFilePasswords.SourceName);
            }
            var decrypted = StackFilePasswords.Decrypt(file.Path, file.EncryptionSalt, servers, passphrase.Value);
            return decrypted.Problem is not null && PassphraseSource.IsSetButEmpty(environment)
                ? decrypted with { Problem = $"{PassphraseSource.EmptyVariableNote}{Environment.NewLine}{decrypted.Problem}" }
                : decrypted;
        }
        if (PulumiCli.Locate(projectDirectory) is not { } pulumi)
        {
            return SecretsResult.Missing(
                $"{file.Path}: the stack's secrets provider is '{file.SecretsProvider ?? "the Pulumi Cloud"}', which only the Pulumi CLI can decrypt, and pulumi is not on PATH. " +
                $"Install the Pulumi CLI, or pass --config-json <file> with the output of 'pulumi config --json --show-secrets --stack {stack}'.", PulumiCliName);
        }
        // Standard output holds the secrets and is only parsed; a failure quotes standard error alone.
        var answer = await pulumi.ConfigAsync(stack, cancellationToken);
        if (!answer.Succeeded)
        {
            return SecretsResult.Wrong(answer.Problem ?? "", PulumiCliName);
        }
        var config = PulumiConfigJson.Parse(answer.Output, "the output of 'pulumi config --json'");
        return config.Succeeded ? config.Value.Passwords(PulumiCliName) : SecretsResult.Wrong(config.Problem, PulumiCliName);
    }
}

/// <summary>What a secret source delivered: the passwords, or why it could not (a problem without any secret).</summary>
/// <param name="Passwords">The passwords, when it worked.</param>
/// <param name="Problem">What went wrong and how to fix it, when it did not.</param>
/// <param name="IsUsageProblem">True when the input is missing or unreadable (exit 2) rather than wrong (exit 1).</param>
/// <param name="Source">Where the passwords came from, for the report (e.g. "stack file (passphrase)").</param>
public sealed record SecretsResult(ServerPasswords? Passwords, string? Problem, bool IsUsageProblem, string Source)
{
    /// <summary>True when the passwords were delivered.</summary>
    [MemberNotNullWhen(true, nameof(Passwords))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Passwords is not null && Problem is null;

    /// <summary>Passwords delivered.</summary>
    public static SecretsResult Delivered(ServerPasswords passwords, string source) => new(passwords, null, false, source);

    /// <summary>The input is missing or unreadable.</summary>
    public static SecretsResult Missing(string problem, string source) => new(null, problem, true, source);

    /// <summary>The input is there but wrong (a wrong passphrase, a value that does not decrypt).</summary>
    public static SecretsResult Wrong(string problem, string source) => new(null, problem, false, source);
}

/// <summary>
/// The admin password of each server, by server name, as a secret source delivered them. Kept apart
/// from the configuration model, and never printed: <see cref="ToString"/> names the servers only.
/// </summary>
public sealed class ServerPasswords(IReadOnlyDictionary<string, string> byServer)
{
    /// <summary>No password: a stack loaded for a command that does not log in.</summary>
    public static ServerPasswords None { get; } = new(new Dictionary<string, string>());

    /// <summary>The password of <paramref name="server"/>, or null when the source had none.</summary>
    public string? For(string server) => byServer.TryGetValue(server, out var password) ? password : null;

    /// <summary>The servers that have a password.</summary>
    public IReadOnlyCollection<string> Servers => byServer.Keys.ToList();

    /// <summary>Every password, so output can be searched for them or scrubbed of them.</summary>
    public IEnumerable<string> Values => byServer.Values;

    /// <inheritdoc />
    public override string ToString() => $"ServerPasswords {{ {string.Join(", ", byServer.Keys)} }}";
}
