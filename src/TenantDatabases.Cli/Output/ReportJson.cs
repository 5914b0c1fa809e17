using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>The one way every command writes a JSON document (on standard output or to <c>--report</c>).</summary>
internal static class ReportJson
{
    /// <summary>
    /// camelCase, indented, enums as camelCase names, absent values left out; quotes and angle brackets kept
    /// readable (the output is data, never HTML).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The writer settings that match <see cref="Options"/>, for documents written piece by piece.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="value"/> as a JSON document.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

/// <summary>
/// The one writer of <c>--report</c>, for every command that has it: the path is checked before any work starts
/// (its folder must exist; nothing is created), the report is written even after a cancelled run (it is what the
/// run leaves behind), and a report that cannot be written is a usage error (exit 2) with the reason, never a
/// silent loss.
/// </summary>
internal static class ReportFile
{
    /// <summary>Why <paramref name="path"/> cannot take a report, for the settings' validation; null when it can.</summary>
    public static string? Problem(string? path)
    {
        if (path is null)
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder)
            ? $"--report {path}: the folder {folder} does not exist; create it or choose another path."
            : null;
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/>; on failure says why on <paramref name="console"/> and returns exit 2.</summary>
    public static int? Write(IAnsiConsole console, string? path, string json)
    {
        if (path is null)
        {
            return null;
        }
        try
        {
            File.WriteAllText(path, json);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] --report {path}: cannot write the report ({error.Message}).");
            return ExitCodes.Usage;
        }
    }
}
