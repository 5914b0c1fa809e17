using System.Text.RegularExpressions;

namespace TenantDatabases.Fleet.Secrets;

/// <summary>
/// Masks secrets in text that came from elsewhere (a server's message, an exception, a log line) before it is
/// shown, logged or reported: every known secret value, every <c>Password=…</c> setting and every URL credential
/// becomes <see cref="Replacement"/>. The one place that decides what a masked secret looks like.
/// </summary>
public sealed partial class SecretMask
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Replacement = "***";

    private readonly string[] secrets;

    /// <summary>A mask for <paramref name="secrets"/> (empty values are ignored) and the password patterns.</summary>
    public SecretMask(IEnumerable<string> secrets) =>
        this.secrets = secrets.Where(secret => secret.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A mask that knows no secret value and masks the password patterns only.</summary>
    public static SecretMask PatternsOnly { get; } = new([]);

    /// <summary><paramref name="text"/> with every known secret and every password pattern masked.</summary>
    public string Apply(string text) =>
        Redact(secrets.Aggregate(text, (current, secret) => current.Replace(secret, Replacement, StringComparison.Ordinal)));

    /// <summary>Replaces <c>Password=…</c> (or <c>pwd=…</c>) settings and <c>postgres://user:…@</c> credentials.</summary>
    public static string Redact(string text) =>
        UrlCredentials().Replace(PasswordSetting().Replace(text, "$1=" + Replacement), "$1:" + Replacement + "@");

    /// <summary>Names how many secrets it knows, never one of them.</summary>
    public override string ToString() => $"SecretMask {{ {secrets.Length} secret(s) }}";

    [GeneratedRegex(@"((?:password|pwd)\s*)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"(postgres(?:ql)?://[^:/@\s]+):[^@\s]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
