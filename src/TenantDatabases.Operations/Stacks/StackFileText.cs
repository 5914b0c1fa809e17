using System.Text;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// A stack file's text with its byte-order mark, read and written so that an edit changes only the
/// edited bytes. Writing goes to a temporary file beside it that then replaces it, so a failure never
/// leaves a half-written stack file.
/// </summary>
public sealed record StackFileText(string Text, bool HasByteOrderMark)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="IOException"/>-family or <see cref="DecoderFallbackException"/>.</summary>
    public static StackFileText Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return new StackFileText(StrictUtf8.GetString(bom ? bytes[Encoding.UTF8.Preamble.Length..] : bytes), bom);
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> in one rename, keeping its mark and permissions.</summary>
    public void WriteReplacing(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var bytes = StrictUtf8.GetBytes(text);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (HasByteOrderMark)
                {
                    stream.Write(Encoding.UTF8.Preamble);
                }
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
