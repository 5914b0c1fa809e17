using System.Diagnostics.CodeAnalysis;

namespace TenantDatabases.Fleet.Placement;

/// <summary>Where a new tenant goes and why, or why it cannot be placed.</summary>
/// <param name="TenantId">The tenant being placed.</param>
/// <param name="Server">The chosen server; null when refused.</param>
/// <param name="Rule">Which placement rule decided.</param>
/// <param name="Explanation">A sentence for the operator: why this server, or why none.</param>
public sealed record PlacementResult(string TenantId, string? Server, PlacementRule Rule, string Explanation)
{
    /// <summary>True when a server was chosen.</summary>
    [MemberNotNullWhen(true, nameof(Server))]
    public bool Succeeded => Server is not null;
}

/// <summary>The placement rules, in the order they are tried.</summary>
public enum PlacementRule
{
    /// <summary>The server was named explicitly.</summary>
    ExplicitServer,
    /// <summary>The default server had room and its region fits.</summary>
    DefaultServer,
    /// <summary>The least-loaded server of the required region (any region when none is required).</summary>
    LeastLoadedServer,
    /// <summary>No server can take the tenant.</summary>
    Refused,
}
