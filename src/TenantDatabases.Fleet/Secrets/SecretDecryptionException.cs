namespace TenantDatabases.Fleet.Secrets;

/// <summary>A <c>secure:</c> value or salt could not be decrypted. The message never contains the value.</summary>
public class SecretDecryptionException(string message) : Exception(message);

/// <summary>The passphrase does not open the stack.</summary>
public sealed class WrongPassphraseException()
    : SecretDecryptionException(
        "The passphrase does not decrypt this stack's secrets. Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase.");
