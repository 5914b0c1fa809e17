using System.Text.RegularExpressions;

namespace TenantDatabases.Cli;

/// <summary>Removes password values from text that came from elsewhere (exception messages, connection strings).</summary>
public static partial class SecretRedaction
{
    /// <summary>Replaces <c>Password=…</c> and URL credentials with <c>***</c>.</summary>
    public static string Redact(string text) =>
        UrlCredentials().Replace(PasswordSetting().Replace(text, "$1=***"), "$1:***@");

    [GeneratedRegex(@"((?:password|pwd)\s*)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"(postgres(?:ql)?://[^:/@\s]+):[^@\s]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
