using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>The text of a stack file after an edit, or why the edit cannot be made (then nothing changes).</summary>
/// <param name="Text">The edited file; null when refused.</param>
/// <param name="Problem">Why the edit cannot be made; null when it succeeded.</param>
public sealed record StackFileEditResult(string? Text, string? Problem)
{
    /// <summary>True when <see cref="Text"/> holds the edited file.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Text is not null && Problem is null;

    internal static StackFileEditResult Refused(string why) => new(null, why);
}
