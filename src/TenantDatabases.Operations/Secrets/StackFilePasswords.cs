using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Secrets;

/// <summary>Decrypts the servers' <c>secure:</c> passwords of a passphrase-protected stack file, without the Pulumi CLI.</summary>
public static class StackFilePasswords
{
    /// <summary>The description of this source in reports.</summary>
    public const string SourceName = "stack file (passphrase)";

    /// <summary>Decrypts every server's password; a wrong passphrase or a bad value is a problem naming the server, never the value.</summary>
    public static SecretsResult Decrypt(string stackFile, string? encryptionSalt, IEnumerable<ServerDefinition> servers, string passphrase)
    {
        if (string.IsNullOrEmpty(encryptionSalt))
        {
            return SecretsResult.Missing($"{stackFile} has no encryptionsalt: it was not written by the passphrase secrets provider.", SourceName);
        }
        PassphraseCrypter crypter;
        try
        {
            crypter = PassphraseCrypter.Unlock(encryptionSalt, passphrase);
        }
        catch (WrongPassphraseException error)
        {
            return SecretsResult.Wrong($"{stackFile}: {error.Message}", SourceName);
        }
        catch (SecretDecryptionException error)
        {
            return SecretsResult.Wrong($"{stackFile}: {error.Message}", SourceName);
        }
        var passwords = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var server in servers)
        {
            if (!server.Password.IsSecure)
            {
                continue;
            }
            try
            {
                passwords[server.Name] = crypter.Decrypt(server.Password.Ciphertext);
            }
            catch (SecretDecryptionException error)
            {
                problems.Add($"{stackFile}: {ConfigPath.Server(server.Name, ConfigKeys.Password)}: {error.Message} " +
                             $"Fix: {ServerPasswordCommand.For(server.Name)}.");
            }
        }
        return problems.Count > 0
            ? SecretsResult.Wrong(string.Join(Environment.NewLine, problems), SourceName)
            : SecretsResult.Delivered(new ServerPasswords(passwords), SourceName);
    }
}
