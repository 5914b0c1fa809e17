using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Secrets;

/// <summary>What a secret source delivered: the passwords, or why it could not (a problem without any secret).</summary>
/// <param name="Passwords">The passwords, when it worked.</param>
/// <param name="Problem">What went wrong and how to fix it, when it did not.</param>
/// <param name="IsUsageProblem">True when the input is missing or unreadable (exit 2) rather than wrong (exit 1).</param>
/// <param name="Source">Where the passwords came from, for the report (e.g. "stack file (passphrase)").</param>
public sealed record SecretsResult(ServerPasswords? Passwords, string? Problem, bool IsUsageProblem, string Source)
{
    /// <summary>True when the passwords were delivered.</summary>
    [MemberNotNullWhen(true, nameof(Passwords))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Passwords is not null && Problem is null;

    /// <summary>Passwords delivered.</summary>
    public static SecretsResult Delivered(ServerPasswords passwords, string source) => new(passwords, null, false, source);

    /// <summary>The input is missing or unreadable.</summary>
    public static SecretsResult Missing(string problem, string source) => new(null, problem, true, source);

    /// <summary>The input is there but wrong (a wrong passphrase, a value that does not decrypt).</summary>
    public static SecretsResult Wrong(string problem, string source) => new(null, problem, false, source);
}
