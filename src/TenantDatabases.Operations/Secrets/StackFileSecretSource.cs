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
            var decrypted = StackFilePasswords.Decrypt(file.Path, file.EncryptionSalt, servers, passphrase.Passphrase);
            return decrypted.Problem is not null && PassphraseSource.IsSetButEmpty(environment)
                ? decrypted with { Problem = $"{PassphraseSource.EmptyVariableNote}{Environment.NewLine}{decrypted.Problem}" }
                : decrypted;
        }
        if (PulumiCli.Find() is not { } pulumi)
        {
            return SecretsResult.Missing(
                $"{file.Path}: the stack's secrets provider is '{file.SecretsProvider ?? "the Pulumi Cloud"}', which only the Pulumi CLI can decrypt, and pulumi is not on PATH. " +
                $"Install the Pulumi CLI, or pass --config-json <file> with the output of 'pulumi config --json --show-secrets --stack {stack}'.", PulumiCliName);
        }
        var config = await PulumiCliConfig.ReadAsync(pulumi, projectDirectory, stack, cancellationToken);
        return config.Succeeded ? config.Config.Passwords(PulumiCliName) : SecretsResult.Wrong(config.Problem, PulumiCliName);
    }
}
