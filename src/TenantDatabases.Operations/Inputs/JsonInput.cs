// Inputs: reading a JSON input from elsewhere within its bound.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace TenantDatabases.Operations.Inputs;

/// <summary>
/// Reads a JSON document handed to a command (saved stack outputs, <c>--config-json</c>, <c>--previous</c>, standard
/// input) whole, but never more than <see cref="MaxBytes"/>: it comes from elsewhere, and is parsed in memory. The bound
/// holds while reading, whatever the path names: a file, a device such as /dev/zero, a FIFO, a shell's <c>&lt;(…)</c>.
/// </summary>
public static class JsonInput
{
    /// <summary>16 MiB: the outputs of a stack of 10,000 tenants are about 3 MB; anything larger is a mistake or an attack.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The text of <paramref name="path"/>; <paramref name="what"/> names it in a problem (e.g. "the outputs file").</summary>
    public static async Task<Result<string>> ReadFileAsync(string path, string what, CancellationToken cancellationToken = default)
    {
        try
        {
            // A regular file's size first, so an oversized one is never read at all; a device or a pipe has none to ask.
            var size = new FileInfo(path).Length;
            if (size > MaxBytes)
            {
                return Result<string>.Refused(TooLarge(path, size.ToString("N0", CultureInfo.InvariantCulture) + " bytes", what));
            }
            var text = await BoundedFile.ReadTextAsync(path, MaxBytes, cancellationToken);
            return text is null ? Result<string>.Refused(TooLarge(path, null, what)) : Result<string>.Of(text);
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
                return Result<string>.Refused(TooLarge(source, null, what));
            }
        }
        return Result<string>.Of(text.ToString());
    }

    private static string TooLarge(string source, string? size, string what)
    {
        var bound = $"{MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (16 MiB)";
        return (size is null
            ? $"{source}: more than {bound}, the most {what} may hold, so it was not read."
            : $"{source}: {size}, and {what} may hold at most {bound}, so it was not read.") + " Pass the file as the Pulumi CLI wrote it.";
    }
}

/// <summary>
/// A file read whole up to a bound, whatever its path names: a regular file, a device such as /dev/zero, a FIFO or a
/// shell's <c>&lt;(…)</c>, which have no size to check before reading and may never end.
/// </summary>
public static class BoundedFile
{
    /// <summary>The bytes of <paramref name="path"/>, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// At most <paramref name="maxBytes"/> + 1 bytes are read, in chunks that are joined only when the input ended within
    /// the bound, so an endless one never costs more than the bound itself.
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        var chunks = new List<(byte[] Bytes, int Length)>();
        var total = 0L;
        while (total <= maxBytes)
        {
            var chunk = new byte[Math.Min(1024 * 1024, maxBytes + 1 - total)];
            var length = 0;
            int read;
            while (length < chunk.Length && (read = await stream.ReadAsync(chunk.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
            chunks.Add((chunk, length));
            total += length;
            if (length < chunk.Length)
            {
                var bytes = new byte[total];
                var offset = 0;
                foreach (var (part, used) in chunks)
                {
                    Array.Copy(part, 0, bytes, offset, used);
                    offset += used;
                }
                return bytes;
            }
        }
        return null;
    }

    /// <summary>The text of <paramref name="path"/> as File.ReadAllText reads it (a byte-order mark chooses the encoding, else UTF-8); null past the bound.</summary>
    public static async Task<string?> ReadTextAsync(string path, long maxBytes, CancellationToken cancellationToken = default) =>
        await ReadAsync(path, maxBytes, cancellationToken) is { } bytes ? Decode(bytes) : null;

    /// <summary><see cref="ReadTextAsync"/> for synchronous callers (a local file, bounded).</summary>
    public static string? ReadText(string path, long maxBytes) => ReadTextAsync(path, maxBytes).GetAwaiter().GetResult();

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}

/// <summary>What a path names, as far as advice about it goes: a permission fix makes sense for a regular file only.</summary>
public static class InputFile
{
    private const int AtCurrentFolder = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;

    /// <summary>True when <paramref name="path"/> (followed through links) is a regular file: not a device, a FIFO, a socket or a folder.</summary>
    public static bool IsRegularFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsLinux())
        {
            // .NET tells a device or a FIFO from a file by no public API: ask the kernel for the file's type.
            var status = new byte[256];
            try
            {
                return Statx(AtCurrentFolder, path, 0, StatxType, status) == 0
                    && (BitConverter.ToUInt16(status, StatxModeOffset) & FileTypeMask) == RegularFileType;
            }
            catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx: fall through to what .NET can tell.
            }
        }
        // A pipe cannot seek; a device reports no length. An empty regular file is missed, and needs no advice.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        return stream.CanSeek && stream.Length > 0;
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] status);
}
