namespace TenantDatabases.Fleet.Model;

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
