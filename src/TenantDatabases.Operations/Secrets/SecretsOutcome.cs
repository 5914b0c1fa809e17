namespace TenantDatabases.Operations.Secrets;

/// <summary>What a secret source delivered: the passwords, or why it could not (a message without any secret).</summary>
/// <param name="Passwords">The passwords, when it worked.</param>
/// <param name="Failure">What went wrong and how to fix it, when it did not.</param>
/// <param name="IsUsageError">True when the input is missing or unreadable (exit 2) rather than wrong (exit 1).</param>
/// <param name="Source">Where the passwords came from, for the report (e.g. "stack file (passphrase)").</param>
public sealed record SecretsOutcome(ServerPasswords? Passwords, string? Failure, bool IsUsageError, string Source)
{
    /// <summary>Passwords delivered.</summary>
    public static SecretsOutcome Delivered(ServerPasswords passwords, string source) => new(passwords, null, false, source);

    /// <summary>The input is missing or unreadable.</summary>
    public static SecretsOutcome Missing(string failure, string source) => new(null, failure, true, source);

    /// <summary>The input is there but wrong (a wrong passphrase, a value that does not decrypt).</summary>
    public static SecretsOutcome Wrong(string failure, string source) => new(null, failure, false, source);
}
