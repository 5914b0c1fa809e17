using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;

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
    public static async Task<SecretsOutcome> PasswordsAsync(
        StackFile file, IReadOnlyList<ServerDefinition> servers, string stack, string projectDirectory,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        // Pulumi writes no secretsprovider key for the default passphrase provider, only the salt.
        if (file.SecretsProvider == "passphrase" || (file.SecretsProvider is null && file.EncryptionSalt is not null))
        {
            // The CLI would need the same passphrase, so it is no fallback here.
            var (passphrase, failure) = PassphraseSource.Read(environment, stack);
            if (passphrase is null)
            {
                return SecretsOutcome.Missing(failure!, StackFilePasswords.SourceName);
            }
            var outcome = StackFilePasswords.Decrypt(file.Path, file.EncryptionSalt, servers, passphrase);
            return outcome.Failure is not null && PassphraseSource.IsSetButEmpty(environment)
                ? outcome with { Failure = $"{PassphraseSource.EmptyVariableNote}{Environment.NewLine}{outcome.Failure}" }
                : outcome;
        }
        if (!PulumiCliConfig.IsAvailable)
        {
            return SecretsOutcome.Missing(
                $"{file.Path}: the stack's secrets provider is '{file.SecretsProvider ?? "the Pulumi Cloud"}', which only the Pulumi CLI can decrypt, and pulumi is not on PATH. " +
                $"Install the Pulumi CLI, or pass --config-json <file> with the output of 'pulumi config --json --show-secrets --stack {stack}'.", PulumiCliName);
        }
        var (json, cliFailure) = await PulumiCliConfig.ReadAsync(projectDirectory, stack, cancellationToken);
        if (json is null)
        {
            return SecretsOutcome.Wrong(cliFailure!, PulumiCliName);
        }
        var (config, parseFailure) = PulumiConfigJson.Parse(json, "the output of 'pulumi config --json'");
        return config is null ? SecretsOutcome.Wrong(parseFailure!, PulumiCliName) : config.Passwords(PulumiCliName);
    }
}
