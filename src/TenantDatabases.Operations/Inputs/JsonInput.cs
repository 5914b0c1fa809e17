// Inputs: reading a JSON input from elsewhere within its bound.
using System.Globalization;
using System.Text;

namespace TenantDatabases.Operations.Inputs;

/// <summary>
/// Reads a JSON document handed to a command (saved stack outputs, <c>--config-json</c>, standard input) whole, but
/// never more than <see cref="MaxBytes"/>: it comes from elsewhere, and is parsed in memory.
/// </summary>
public static class JsonInput
{
    /// <summary>16 MiB: the outputs of a stack of 10,000 tenants are about 3 MB; anything larger is a mistake or an attack.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The text of <paramref name="path"/>; <paramref name="what"/> names it in a problem (e.g. "a stack outputs file").</summary>
    public static async Task<Result<string>> ReadFileAsync(string path, string what, CancellationToken cancellationToken = default)
    {
        try
        {
            // The size first, so an oversized file is never read at all.
            var size = new FileInfo(path).Length;
            return size > MaxBytes
                ? Result<string>.Refused(TooLarge(path, size.ToString("N0", CultureInfo.InvariantCulture) + " bytes", what))
                : Result<string>.Of(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Result<string>.Refused($"{path}: cannot be read as {what} ({error.Message}).");
        }
    }

    /// <summary>All of <paramref name="reader"/> (standard input), stopping as soon as it exceeds the bound.</summary>
    public static async Task<Result<string>> ReadAsync(TextReader reader, string source, string what, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            // Characters, not bytes: a UTF-8 byte is at most one character, so this never refuses what the file bound admits.
            if (text.Length > MaxBytes)
            {
                return Result<string>.Refused(TooLarge(source, "more than that", what));
            }
        }
        return Result<string>.Of(text.ToString());
    }

    private static string TooLarge(string source, string size, string what) =>
        $"{source}: {size}, and {what} may hold at most {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (16 MiB), " +
        "so it was not read. Pass the file as the Pulumi CLI wrote it.";
}
