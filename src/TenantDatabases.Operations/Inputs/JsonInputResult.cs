using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Inputs;

/// <summary>The text of a JSON input, or why it was not read (a usage problem: the input is missing, unreadable or too large).</summary>
public sealed record JsonInputResult(string? Text, string? Problem)
{
    /// <summary>True when the text was read.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Text is not null;

    internal static JsonInputResult Read(string text) => new(text, null);

    internal static JsonInputResult Refused(string problem) => new(null, problem);
}
