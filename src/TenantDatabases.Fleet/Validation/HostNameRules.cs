using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TenantDatabases.Fleet.Validation;

/// <summary>What a server's <c>host</c> may be: a DNS name or an IP address, nothing more.</summary>
public static partial class HostNameRules
{
    /// <summary>Why <paramref name="host"/> is not a bare host name or address, or null when it is.</summary>
    public static string? Problem(string host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "The host is empty.";
        }
        if (host.Contains("://", StringComparison.Ordinal))
        {
            return $"The host '{ProblemList.Shorten(host)}' has a scheme; it must be a bare host name.";
        }
        if (IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !host.StartsWith('['))
        {
            return null;
        }
        if (host.StartsWith('[') || host.Contains(':'))
        {
            return $"The host '{ProblemList.Shorten(host)}' includes a port or brackets; the port has its own key.";
        }
        return HostPattern().IsMatch(host) ? null : $"'{ProblemList.Shorten(host)}' is not a valid host name or IP address.";
    }

    /// <summary>True for <c>localhost</c> and loopback addresses (127.0.0.0/8, ::1): the only hosts where TLS may be off.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    // RFC 1123 labels (underscore tolerated, as some internal DNS uses it), at most 253 characters.
    [GeneratedRegex(@"^(?=.{1,253}\z)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?\z")]
    private static partial Regex HostPattern();
}
