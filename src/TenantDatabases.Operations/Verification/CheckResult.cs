namespace TenantDatabases.Operations.Verification;

/// <summary>One check of a tenant database: its name, whether it passed, and the value it found.</summary>
public sealed record CheckResult(string Name, bool Passed, string Value)
{
    public const string Connect = "connect";
    public const string Owner = "owner";
    public const string PublicConnect = "public-connect";
    public const string Recovery = "recovery";
    public const string Journal = "journal";

    /// <summary>The one check of a tenant that the run never checked: its value says why.</summary>
    public const string Run = "run";
}
