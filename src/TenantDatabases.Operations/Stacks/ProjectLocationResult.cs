using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Operations.Stacks;

/// <summary>The project and stack file a command works on, or the problem that no Pulumi.yaml was found.</summary>
public sealed record ProjectLocationResult(ProjectLocation? Location, string? Problem)
{
    /// <summary>True when Pulumi.yaml was found.</summary>
    [MemberNotNullWhen(true, nameof(Location))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Location is not null && Problem is null;
}
