using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Operations.StackOutputs;

/// <summary>
/// Parses <c>pulumi stack output --json --show-secrets</c> and validates every <c>tenants</c> entry, reporting
/// every problem at once with its path. Names are checked here and quoted wherever they reach SQL.
/// </summary>
public static partial class StackOutputsParser
{
    private static readonly string[] Fields = ["server", "region", "host", "port", "database", "username", "password"];
    private const string SslModeField = "sslMode";

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names where it came from in every problem.</summary>
    public static StackOutputsResult Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            // Only the position: JsonException's message can quote the rest of the text, passwords included.
            // An ArgumentException says the text holds a lone UTF-16 surrogate, which no UTF-8 JSON can.
            return StackOutputsResult.Failed($"{source}: not valid JSON ({Position(error)}). Pass the output of 'pulumi stack output --json --show-secrets'.", unreadable: true);
        }
        using (document)
        {
            return JsonStringCheck.AllReadable(document.RootElement)
                ? ParseDocument(document.RootElement, source)
                : StackOutputsResult.Failed($"{source}: not valid JSON (a string escapes a lone surrogate such as \\uD800). Pass the output of 'pulumi stack output --json --show-secrets'.", unreadable: true);
        }
    }

    private static string Position(Exception error) => error is JsonException { LineNumber: { } line, BytePositionInLine: { } column }
        ? $"line {line + 1}, byte {column + 1}"
        : "it holds an invalid character";

    private static StackOutputsResult ParseDocument(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tenants", out var tenants))
        {
            return StackOutputsResult.Failed($"{source}: no 'tenants' output. Pass the output of 'pulumi stack output --json --show-secrets' of a stack deployed by this program.", unreadable: false);
        }
        if (tenants.ValueKind == JsonValueKind.String && tenants.GetString() == "[secret]")
        {
            return StackOutputsResult.Failed($"{source}: 'tenants' is \"[secret]\". Run 'pulumi stack output' with --show-secrets.", unreadable: false);
        }
        if (tenants.ValueKind != JsonValueKind.Object)
        {
            return StackOutputsResult.Failed($"{source}: 'tenants' must be an object of tenant id to entry.", unreadable: false);
        }
        var problems = new List<string>();
        var targets = new List<TenantTarget>();
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants.EnumerateObject())
        {
            var target = ParseTenant(tenant, source, problems, out var password);
            if (target is not null && password is not null)
            {
                targets.Add(target);
                passwords[target.Id] = password;
            }
        }
        return problems.Count > 0
            ? new StackOutputsResult(null, problems)
            : new StackOutputsResult(new StackOutputs(targets.OrderBy(t => t.Id, StringComparer.Ordinal).ToList(), new TenantPasswords(passwords)), []);
    }

    private static TenantTarget? ParseTenant(JsonProperty tenant, string source, List<string> problems, out string? password)
    {
        password = null;
        var path = $"{source}: tenants.{Printable(tenant.Name)}";
        var before = problems.Count;
        if (!TenantId().IsMatch(tenant.Name))
        {
            problems.Add($"{path}: the tenant id must be lower-case letters, digits, '-' or '_' (as the stack configuration requires).");
        }
        if (tenant.Value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object with {string.Join(", ", Fields)}.");
            return null;
        }
        var values = new Dictionary<string, string>();
        foreach (var field in Fields)
        {
            if (!tenant.Value.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null)
            {
                problems.Add($"{path}.{field}: missing.");
                continue;
            }
            var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
            if (text is null || (text.Length == 0 && field != "region"))
            {
                problems.Add($"{path}.{field}: must be a non-empty {(field == "port" ? "number" : "string")}.");
                continue;
            }
            values[field] = text;
        }
        var port = 0;
        if (values.TryGetValue("port", out var portText) && (!int.TryParse(portText, out port) || port is < 1 or > 65535))
        {
            problems.Add($"{path}.port: must be a TCP port (1-65535).");
        }
        foreach (var field in new[] { "database", "username" })
        {
            if (values.TryGetValue(field, out var name) && (name.Contains('\0') || Encoding.UTF8.GetByteCount(name) > SqlIdentifier.MaxBytes))
            {
                problems.Add($"{path}.{field}: must be a PostgreSQL name (at most {SqlIdentifier.MaxBytes} bytes, no NUL).");
            }
        }
        var sslMode = ParseSslMode(tenant.Value, path, problems);
        if (problems.Count > before)
        {
            return null;
        }
        password = values["password"];
        return new TenantTarget(tenant.Name, values["server"], values["region"], values["host"], port, values["database"], values["username"], sslMode);
    }

    // Optional: outputs of a deploy made before the key existed have none, and their tenants keep Prefer.
    private static SslMode ParseSslMode(JsonElement entry, string path, List<string> problems)
    {
        if (!entry.TryGetProperty(SslModeField, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return SslMode.Prefer;
        }
        if (value.ValueKind == JsonValueKind.String && SslModeNames.TryParse(value.GetString(), out var mode))
        {
            return mode;
        }
        problems.Add($"{path}.{SslModeField}: must be one of {string.Join(", ", SslModeNames.All)} (the server's sslMode).");
        return SslMode.Prefer;
    }

    // Ids come from a validated configuration; anything else is shown escaped so it cannot garble a terminal.
    private static readonly JsonSerializerOptions Escaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Printable(string name) => JsonSerializer.Serialize(name, Escaping).Trim('"');

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex TenantId();
}
