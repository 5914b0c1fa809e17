namespace TenantDatabases.Operations.Rotation;

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
