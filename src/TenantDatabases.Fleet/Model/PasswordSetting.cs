using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Fleet.Model;

/// <summary>
/// How a server's password appears in the configuration. The value itself never enters the model:
/// for a <c>secure:</c> leaf only its ciphertext (safe to keep: it is committed to the repository) is held.
/// </summary>
public sealed record PasswordSetting(PasswordKind Kind, string? Ciphertext = null)
{
    /// <summary>No password key.</summary>
    public static PasswordSetting Missing { get; } = new(PasswordKind.Missing);

    /// <summary>A plain-text value in a stack file: invalid, and its text is not kept.</summary>
    public static PasswordSetting PlainText { get; } = new(PasswordKind.PlainText);

    /// <summary>A value that reached the program already decrypted (Pulumi config JSON).</summary>
    public static PasswordSetting Provided { get; } = new(PasswordKind.Provided);

    /// <summary>A <c>secure:</c> leaf of a stack file.</summary>
    public static PasswordSetting Secure(string ciphertext) => new(PasswordKind.Secure, ciphertext);

    /// <summary>True for a <c>secure:</c> leaf, which always has its ciphertext.</summary>
    [MemberNotNullWhen(true, nameof(Ciphertext))]
    public bool IsSecure => Kind == PasswordKind.Secure && Ciphertext is not null;

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}

/// <summary>The kinds of <see cref="PasswordSetting"/>.</summary>
public enum PasswordKind
{
    /// <summary>Not configured.</summary>
    Missing,
    /// <summary>Plain text in a stack file.</summary>
    PlainText,
    /// <summary>Encrypted <c>secure:</c> value in a stack file.</summary>
    Secure,
    /// <summary>Given by Pulumi already decrypted; the program wraps it as a secret.</summary>
    Provided,
}
