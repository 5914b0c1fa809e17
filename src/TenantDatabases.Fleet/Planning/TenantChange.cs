namespace TenantDatabases.Fleet.Planning;

/// <summary>How one tenant differs between the last deploy and the plan.</summary>
/// <param name="TenantId">Tenant id.</param>
/// <param name="Kind">What changes.</param>
/// <param name="PreviousServer">Server of the last deploy, when known.</param>
/// <param name="PlannedServer">Server in the plan; null when removed.</param>
/// <param name="PasswordRotation">Set when the deploy generates a new owner password (its version changed).</param>
public sealed record TenantChange(string TenantId, TenantChangeKind Kind, string? PreviousServer, string? PlannedServer,
    PasswordRotation? PasswordRotation = null);

/// <summary>A tenant's owner password changes: its version went from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>.</summary>
public sealed record PasswordRotation(int FromVersion, int ToVersion);

/// <summary>The kinds of <see cref="TenantChange"/>.</summary>
public enum TenantChangeKind
{
    /// <summary>Same server, same database.</summary>
    Unchanged,
    /// <summary>New in the plan.</summary>
    Added,
    /// <summary>Deployed, no longer in the plan.</summary>
    Removed,
    /// <summary>On another server or under another database name: refused, the data would not follow.</summary>
    Moved,
    /// <summary>Its server was renamed, on the same host and port: only the provider's name changes.</summary>
    ServerRenamed,
    /// <summary>The outputs hide where it was deployed.</summary>
    Unknown,
}
