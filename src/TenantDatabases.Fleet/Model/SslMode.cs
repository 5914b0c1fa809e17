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

/// <summary>The configuration spelling of each <see cref="SslMode"/> (the libpq spelling).</summary>
public static class SslModeNames
{
    private static readonly IReadOnlyDictionary<string, SslMode> ByName = new Dictionary<string, SslMode>
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCa,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <summary>Every accepted spelling, in order of strictness.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys.ToList();

    /// <summary>Parses a configuration spelling; false for anything else.</summary>
    public static bool TryParse(string? text, out SslMode mode) => ByName.TryGetValue(text ?? "", out mode);

    /// <summary>The libpq spelling of <paramref name="mode"/>.</summary>
    public static string ToName(this SslMode mode) => ByName.Single(pair => pair.Value == mode).Key;
}
