using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Fleet;

/// <summary>
/// A value, or the problem that stopped it: the one shape of every "read (or edit) this, or say why not" answer in
/// the solution (a JSON input, a stack file edit, a project folder, a passphrase, PostgreSQL's programs…). A problem
/// is one sentence for the operator, with its fix, and never holds a secret.
/// </summary>
/// <param name="Value">The value; null when refused.</param>
/// <param name="Problem">Why there is no value; null when there is one.</param>
public sealed record Result<T>(T? Value, string? Problem) where T : class
{
    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Value is not null && Problem is null;

    /// <summary>The answer <paramref name="value"/>.</summary>
    public static Result<T> Of(T value) => new(value, null);

    /// <summary>No value, because of <paramref name="problem"/>.</summary>
    public static Result<T> Refused(string problem) => new(null, problem);

    /// <summary>Names the problem, never the value (which may be a secret).</summary>
    public override string ToString() => Succeeded ? $"Result {{ {typeof(T).Name} }}" : $"Result {{ Problem = {Problem} }}";
}
