namespace TenantDatabases.Operations.Preflight;

/// <summary>Outcome of one preflight check, in order of severity.</summary>
public enum CheckStatus
{
    /// <summary>Passed.</summary>
    Ok,
    /// <summary>Worth a look; does not block a deployment.</summary>
    Warning,
    /// <summary>A deployment would fail or do harm.</summary>
    Error,
}
