namespace TenantDatabases.Operations.Rotation;

/// <summary>Where a rotation left the server and its stack.</summary>
public enum RotationOutcome
{
    /// <summary>Both hold the new password and the test passed.</summary>
    Rotated,
    /// <summary>A dry run found every step possible; nothing changed.</summary>
    Possible,
    /// <summary>Stopped before the server's password changed: both hold the old one.</summary>
    Unchanged,
    /// <summary>A later step failed or a signal came; both hold the old password again.</summary>
    RolledBack,
    /// <summary>The way back failed too: <see cref="ServerPasswordResult.Manual"/> says exactly what to do.</summary>
    NeedsAttention,
}
