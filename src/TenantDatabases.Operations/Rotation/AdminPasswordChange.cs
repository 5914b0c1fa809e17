using System.Security.Cryptography;
using System.Text;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The admin's side of a rotation, on the server: log in, and set the role's own password. The statement is
/// <c>ALTER ROLE CURRENT_USER PASSWORD '&lt;SCRAM verifier&gt;'</c>: it names no role from configuration, needs no
/// superuser (a role may change its own password, as on managed services), and puts no clear text in the log.
/// </summary>
public sealed class AdminPasswordChange(ServerDefinition server, TimeSpan timeout)
{
    /// <summary>Logs in with <paramref name="password"/>; null when it worked, else why (never a password).</summary>
    public async Task<string?> LoginProblemAsync(string password, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = Source(password);
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            return Describe(error, password);
        }
    }

    /// <summary>Logs in with <paramref name="current"/> and sets the password to <paramref name="next"/>; null when done, else why.</summary>
    public async Task<string?> ChangeAsync(string current, string next, CancellationToken cancellationToken)
    {
        var verifier = ScramVerifier.Create(next);
        try
        {
            await using var source = Source(current);
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            // The verifier is base64 text, '$' and ':': nothing in it can end the literal.
            await using var command = new NpgsqlCommand($"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            return Describe(error, current, next);
        }
    }

    private NpgsqlDataSource Source(string password) =>
        AdminConnection.Create(new PreflightTarget(server, password, "", []), timeout, null);

    private string Describe(Exception error, params string[] passwords)
    {
        var target = new PreflightTarget(server, passwords[0], "", []);
        var check = AdminConnection.Classify(error, target);
        var message = passwords.Aggregate($"{check.Message} {check.Fix}".Trim(), (text, password) => new SecretMask([password]).Apply(text));
        return $"server '{server.Name}' ({server.Host}:{server.Port}) as {server.Username}: {message}";
    }
}

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

/// <summary>A new admin password: letters and digits from a cryptographic generator, so nothing needs escaping anywhere.</summary>
public static class GeneratedPassword
{
    /// <summary>Its length: about 190 bits.</summary>
    public const int Length = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh password.</summary>
    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);
}

/// <summary>
/// What a password given on standard input must be. Printable ASCII only: SASLprep, which libpq applies before
/// hashing, leaves such text unchanged, so the verifier computed here is the one a client's login matches.
/// </summary>
public static class NewPasswordRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 16;

    /// <summary>The longest password accepted (PostgreSQL's own limit is far above).</summary>
    public const int MaxLength = 1000;

    /// <summary>Why <paramref name="password"/> cannot be used, or null; never quotes it.</summary>
    public static string? Problem(string password, string current)
    {
        if (password.Length < MinLength || password.Length > MaxLength)
        {
            return $"The new password must have {MinLength} to {MaxLength} characters; the one on standard input has {password.Length}.";
        }
        if (password.Any(character => character is < ' ' or > '~'))
        {
            return "The new password may hold printable ASCII characters only (letters, digits, punctuation, space): " +
                   "others are normalised by SASLprep before hashing and could log in differently from different clients.";
        }
        return password == current ? "The new password is the current one." : null;
    }

    /// <summary>Standard input as a password: one final line break is no part of it.</summary>
    public static string FromStandardInput(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
}
