using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Rotation;

/// <summary>What writing (or checking) a server's password in the stack's record did: nothing to report, or the problem.</summary>
public sealed record StackRecordResult(string? Problem)
{
    /// <summary>True when the record was written (or can be).</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    /// <summary>Done.</summary>
    public static StackRecordResult Done { get; } = new((string?)null);

    /// <summary>Not done, for <paramref name="problem"/> (never holding a password).</summary>
    public static StackRecordResult Failed(string problem) => new(problem);
}
