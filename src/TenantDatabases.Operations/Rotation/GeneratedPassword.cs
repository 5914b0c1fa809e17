using System.Security.Cryptography;

namespace TenantDatabases.Operations.Rotation;

/// <summary>A new admin password: letters and digits from a cryptographic generator, so nothing needs escaping anywhere.</summary>
public static class GeneratedPassword
{
    /// <summary>Its length: about 190 bits.</summary>
    public const int Length = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh password.</summary>
    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);
}
