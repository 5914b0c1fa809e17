using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Secrets;

/// <summary>The passphrase of a stack, or the problem that says which variable to set (never what was in it).</summary>
public sealed record PassphraseResult(string? Passphrase, string? Problem)
{
    /// <summary>True when a passphrase was found.</summary>
    [MemberNotNullWhen(true, nameof(Passphrase))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Passphrase is not null && Problem is null;

    /// <summary>No passphrase, for <paramref name="problem"/>.</summary>
    public static PassphraseResult Missing(string problem) => new(null, problem);
}
