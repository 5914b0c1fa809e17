using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>Writes the report; a report that cannot be written is a problem, not a silent loss.</summary>
    public static string? TryWrite(string path, string json)
    {
        try
        {
            File.WriteAllText(path, json);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"--report {path}: cannot write the report ({error.Message}).";
        }
    }
}
