// Secrets: Pulumi's passphrase secrets, and masking a secret in any text.
using System.Security.Cryptography;
using System.Text;

namespace TenantDatabases.Fleet.Secrets;

/// <summary>
/// Pulumi's passphrase secrets provider, so that <c>tenantdb</c> reads and writes <c>secure:</c> values
/// without the Pulumi CLI. Key: PBKDF2-HMAC-SHA256(passphrase, salt, 1,000,000 iterations, 32 bytes).
/// Value: <c>v1:&lt;12-byte nonce&gt;:&lt;AES-256-GCM ciphertext + 16-byte tag&gt;</c>, both base64. The stack
/// file's <c>encryptionsalt</c> is <c>v1:&lt;salt&gt;:</c> followed by the word <c>pulumi</c> encrypted with the
/// key, which is how a wrong passphrase is recognised.
/// </summary>
public sealed class PassphraseCrypter
{
    private const int Iterations = 1_000_000;
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int SaltBytes = 8;
    private const string Version = "v1";
    private const string CheckWord = "pulumi";

    private readonly byte[] key;

    private PassphraseCrypter(byte[] key, string encryptionSalt)
    {
        this.key = key;
        EncryptionSalt = encryptionSalt;
    }

    /// <summary>The stack file's <c>encryptionsalt:</c> value for this key.</summary>
    public string EncryptionSalt { get; }

    /// <summary>Derives the key of a stack whose <c>encryptionsalt</c> is <paramref name="encryptionSalt"/>.</summary>
    /// <exception cref="WrongPassphraseException">The passphrase does not open this stack.</exception>
    /// <exception cref="SecretDecryptionException">The salt is not in Pulumi's format.</exception>
    public static PassphraseCrypter Unlock(string encryptionSalt, string passphrase)
    {
        var parts = encryptionSalt.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version || !TryFromBase64(parts[1], out var salt))
        {
            throw new SecretDecryptionException("The stack file's encryptionsalt is not a Pulumi 'v1:<salt>:v1:...' value.");
        }
        var crypter = new PassphraseCrypter(DeriveKey(passphrase, salt), encryptionSalt);
        string check;
        try
        {
            check = crypter.Decrypt(parts[2]);
        }
        catch (SecretDecryptionException)
        {
            throw new WrongPassphraseException();
        }
        return check == CheckWord ? crypter : throw new WrongPassphraseException();
    }

    /// <summary>A key for a new stack, with a fresh random salt.</summary>
    public static PassphraseCrypter CreateNew(string passphrase)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = DeriveKey(passphrase, salt);
        var check = Seal(key, CheckWord);
        return new PassphraseCrypter(key, $"{Version}:{Convert.ToBase64String(salt)}:{check}");
    }

    /// <summary>Encrypts <paramref name="plaintext"/> into a <c>secure:</c> value.</summary>
    public string Encrypt(string plaintext) => Seal(key, plaintext);

    /// <summary>Decrypts a <c>secure:</c> value.</summary>
    /// <exception cref="SecretDecryptionException">Not a v1 value, or not encrypted with this key.</exception>
    public string Decrypt(string ciphertext)
    {
        var parts = ciphertext.Split(':');
        if (parts.Length != 3 || parts[0] != Version
            || !TryFromBase64(parts[1], out var nonce) || nonce.Length != NonceBytes
            || !TryFromBase64(parts[2], out var sealedBytes) || sealedBytes.Length < TagBytes)
        {
            throw new SecretDecryptionException("The value is not a Pulumi 'v1:<nonce>:<ciphertext>' secret.");
        }
        var plain = new byte[sealedBytes.Length - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretDecryptionException("The value was not encrypted with this stack's key.");
        }
        return Encoding.UTF8.GetString(plain);
    }

    private static string Seal(byte[] key, string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length));
        return $"{Version}:{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    private static byte[] DeriveKey(string passphrase, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}

/// <summary>A <c>secure:</c> value or salt could not be decrypted. The message never contains the value.</summary>
public class SecretDecryptionException(string message) : Exception(message);

/// <summary>The passphrase does not open the stack.</summary>
public sealed class WrongPassphraseException()
    : SecretDecryptionException(
        "The passphrase does not decrypt this stack's secrets. Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase.");
