using System.Security.Cryptography;
using System.Text;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// One numbered migration script. <see cref="Name"/> is its file name alone (never a resource namespace or
/// folder), so moving or renaming the assembly's namespace never makes applied scripts look new.
/// </summary>
public sealed record MigrationScript(string Name, long Number, string Contents)
{
    /// <summary>
    /// The first line that marks a script to run outside a transaction (for CREATE INDEX CONCURRENTLY and the like).
    /// Such a script is journaled only after it succeeded, so a crash in between runs it again: it must be safe to retry.
    /// </summary>
    public const string NoTransactionMarker = "-- tenantdb:no-transaction";

    /// <summary>SHA-256 (lower-case hex) of the contents with line endings as LF and without a byte-order mark.</summary>
    public string Sha256 { get; } = Checksum(Contents);

    /// <summary>False when the first line is <see cref="NoTransactionMarker"/>.</summary>
    public bool RunsInTransaction { get; } = !FirstLine(Contents).Equals(NoTransactionMarker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The checksum of <paramref name="contents"/>; a checkout that turns LF into CRLF does not change it.</summary>
    public static string Checksum(string contents) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contents.TrimStart('\uFEFF').Replace("\r\n", "\n")))).ToLowerInvariant();

    private static string FirstLine(string contents)
    {
        var text = contents.TrimStart('\uFEFF');
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}
