using System.Security.Cryptography;
using System.Text;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL stores for a password, computed on the client as libpq's
/// <c>PQencryptPasswordConn</c> (psql's <c>\password</c>) does: <c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;</c>.
/// Sent in <c>ALTER ROLE ... PASSWORD</c>, it keeps the clear text out of the server's statement log.
/// </summary>
public static class ScramVerifier
{
    /// <summary>libpq's iteration count.</summary>
    public const int Iterations = 4096;

    /// <summary>libpq's salt length.</summary>
    public const int SaltBytes = 16;

    /// <summary>A verifier of <paramref name="password"/> with a fresh random salt.</summary>
    public static string Create(string password) => Compute(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    /// <summary>
    /// The verifier for a given salt. The password is used as UTF-8 without SASLprep, which is the same for the
    /// printable ASCII that <see cref="NewPasswordRules"/> admits.
    /// </summary>
    public static string Compute(string password, byte[] salt, int iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
