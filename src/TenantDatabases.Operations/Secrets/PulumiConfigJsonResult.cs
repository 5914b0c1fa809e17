using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Secrets;

/// <summary>The parsed output of <c>pulumi config --json</c>, or the problem with it (never a value).</summary>
public sealed record PulumiConfigJsonResult(PulumiConfigJson? Config, string? Problem)
{
    /// <summary>True when the JSON was that output.</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Config is not null && Problem is null;

    /// <summary>Not that output, for <paramref name="problem"/>.</summary>
    public static PulumiConfigJsonResult Refused(string problem) => new(null, problem);
}
