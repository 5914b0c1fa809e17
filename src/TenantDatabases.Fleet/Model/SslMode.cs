namespace TenantDatabases.Fleet.Model;

/// <summary>libpq sslmode values, spelled in configuration as <c>disable</c> … <c>verify-full</c>.</summary>
public enum SslMode
{
    /// <summary>No TLS; only allowed on loopback hosts.</summary>
    Disable,
    /// <summary>TLS only if the server insists.</summary>
    Allow,
    /// <summary>TLS if the server offers it.</summary>
    Prefer,
    /// <summary>TLS, certificate not checked.</summary>
    Require,
    /// <summary>TLS, certificate chain checked.</summary>
    VerifyCa,
    /// <summary>TLS, certificate chain and host name checked.</summary>
    VerifyFull,
}
