using System.Text;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Validation;

/// <summary>Which tenant ids and server names are safe: they become SQL identifiers and Pulumi resource names.</summary>
public static partial class IdentifierRules
{
    /// <summary>Why <paramref name="tenantId"/> is not a safe tenant id, or null when it is.</summary>
    public static string? TenantIdProblem(string tenantId) =>
        tenantId.Length == 0 ? "The tenant id is empty."
        : SafeName().IsMatch(tenantId) ? null
        : $"The tenant id '{Printable(tenantId)}' may only hold lower-case letters, digits, '-' and '_', starting with a letter or digit.";

    /// <summary>Why the tenant's database or role name would exceed PostgreSQL's 63 bytes, or null.</summary>
    public static string? NameLengthProblem(string prefix, string tenantId)
    {
        var role = TenantNaming.RoleName(prefix, tenantId);
        var roleBytes = Encoding.UTF8.GetByteCount(role);
        return roleBytes <= SqlIdentifier.MaxBytes
            ? null
            : $"Its owner role name would be {roleBytes} bytes ('{Printable(role)}'), over PostgreSQL's {SqlIdentifier.MaxBytes}.";
    }

    /// <summary>The longest tenant id whose names fit in 63 bytes with <paramref name="prefix"/>.</summary>
    public static int MaxTenantIdLength(string prefix) =>
        SqlIdentifier.MaxBytes - Encoding.UTF8.GetByteCount(prefix) - TenantNaming.OwnerRoleSuffix.Length;

    /// <summary>Why <paramref name="serverName"/> cannot name a server (and its provider), or null.</summary>
    public static string? ServerNameProblem(string serverName) =>
        serverName.Length == 0 ? "The server name is empty."
        : serverName.Length > SqlIdentifier.MaxBytes ? $"The server name is longer than {SqlIdentifier.MaxBytes} characters."
        : SafeName().IsMatch(serverName) ? null
        : $"The server name '{Printable(serverName)}' may only hold lower-case letters, digits, '-' and '_', starting with a letter or digit.";

    /// <summary>Keeps an echoed name to one short, visible line.</summary>
    internal static string Printable(string text)
    {
        var shown = text.Length <= 64 ? text : text[..61] + "...";
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*\z")]
    private static partial Regex SafeName();
}
