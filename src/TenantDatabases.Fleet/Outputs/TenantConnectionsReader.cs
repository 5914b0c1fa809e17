using System.Text;
using System.Text.Json;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;
using Fields = TenantDatabases.Fleet.Outputs.StackOutputsSchema.TenantFields;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// Reads and checks every entry of the <c>tenants</c> output, reporting every problem at once with its path.
/// Names are checked here and quoted wherever they reach SQL.
/// </summary>
internal static class TenantConnectionsReader
{
    /// <summary>The connections of <paramref name="root"/>, or null with <paramref name="problems"/> filled.</summary>
    public static TenantConnections? Read(JsonElement root, string source, List<string> problems)
    {
        if (!root.TryGetProperty(StackOutputsSchema.TenantsKey, out var tenants))
        {
            problems.Add($"{source}: no '{StackOutputsSchema.TenantsKey}' output. Pass the output of 'pulumi stack output --json --show-secrets' of a stack deployed by this program.");
            return null;
        }
        if (tenants.ValueKind == JsonValueKind.String && tenants.GetString() == StackOutputsSchema.HiddenSecret)
        {
            problems.Add($"{source}: '{StackOutputsSchema.TenantsKey}' is \"{StackOutputsSchema.HiddenSecret}\". Run 'pulumi stack output' with --show-secrets.");
            return null;
        }
        if (tenants.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{source}: '{StackOutputsSchema.TenantsKey}' must be an object of tenant id to entry.");
            return null;
        }
        var targets = new List<TenantTarget>();
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants.EnumerateObject())
        {
            if (ReadTenant(tenant, source, problems) is { } read)
            {
                targets.Add(read.Target);
                passwords[read.Target.Id] = read.Password;
            }
        }
        return problems.Count > 0
            ? null
            : new TenantConnections(targets.OrderBy(t => t.Id, StringComparer.Ordinal).ToList(), new TenantPasswords(passwords));
    }

    private sealed record ReadEntry(TenantTarget Target, string Password)
    {
        public override string ToString() => Target.ToString(); // never the password
    }

    private static ReadEntry? ReadTenant(JsonProperty tenant, string source, List<string> problems)
    {
        var path = $"{source}: {StackOutputsSchema.TenantsKey}.{Printable(tenant.Name)}";
        var before = problems.Count;
        // The configuration's rule; a configured id is shorter still, as its role name must fit in 63 bytes.
        if (IdentifierRules.TenantIdProblem(tenant.Name) is not null || tenant.Name.Length > SqlIdentifier.MaxBytes)
        {
            problems.Add($"{path}: the tenant id must be lower-case letters, digits, '-' or '_' (as the stack configuration requires).");
        }
        if (tenant.Value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object with {string.Join(", ", Fields.Required)}.");
            return null;
        }
        var values = new Dictionary<string, string>();
        var passwordManaged = ReadPasswordManaged(tenant.Value, path, problems);
        foreach (var field in Fields.Required)
        {
            if (!tenant.Value.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null)
            {
                problems.Add($"{path}.{field}: missing.");
                continue;
            }
            if (field == Fields.Port)
            {
                // A number, as the program writes it: "54321" was written by hand or by something else, so it is refused
                // rather than guessed at (docs/stacks.md).
                values[field] = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
                continue;
            }
            var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            // An empty region is a server without one; an empty password one the stack does not hold.
            if (text is null || (text.Length == 0 && field != Fields.Region && !(field == Fields.Password && !passwordManaged)))
            {
                problems.Add($"{path}.{field}: must be a non-empty string.");
                continue;
            }
            values[field] = text;
        }
        var port = 0;
        if (values.TryGetValue(Fields.Port, out var portText))
        {
            if (portText.Length == 0)
            {
                problems.Add($"{path}.{Fields.Port}: must be a TCP port (1-65535) written as a JSON number, as the program writes it (5432, not \"5432\").");
            }
            else if (!int.TryParse(portText, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                problems.Add($"{path}.{Fields.Port}: must be a TCP port (1-65535).");
            }
        }
        if (tenant.Value.TryGetProperty(Fields.Owner, out var ownerValue) && ownerValue.ValueKind != JsonValueKind.Null)
        {
            if (ownerValue.ValueKind == JsonValueKind.String && ownerValue.GetString() is { Length: > 0 } owner)
            {
                values[Fields.Owner] = owner;
            }
            else
            {
                problems.Add($"{path}.{Fields.Owner}: must be a non-empty string (the role that owns the database).");
            }
        }
        foreach (var field in new[] { Fields.Database, Fields.Username, Fields.Owner })
        {
            if (values.TryGetValue(field, out var name) && (name.Contains('\0') || Encoding.UTF8.GetByteCount(name) > SqlIdentifier.MaxBytes))
            {
                problems.Add($"{path}.{field}: must be a PostgreSQL name (at most {SqlIdentifier.MaxBytes} bytes, no NUL).");
            }
        }
        var sslMode = ReadSslMode(tenant.Value, path, problems);
        // The stack file's rule (Validation/ServerRules): outputs edited by hand, or from an older program, must not send a
        // password in clear text over a network.
        if (sslMode == SslMode.Disable && values.TryGetValue(Fields.Host, out var host) && !HostNameRules.IsLoopback(host))
        {
            problems.Add($"{path}.{Fields.SslMode}: 'disable' would send the tenant's password unencrypted to {Printable(host)}, which is not a loopback host; " +
                "the stack file's validation refuses it too: set the server's sslMode to require (or verify-full) and deploy again.");
        }
        if (problems.Count > before)
        {
            return null;
        }
        return new ReadEntry(
            new TenantTarget(tenant.Name, values[Fields.Server], values[Fields.Region], values[Fields.Host], port,
                values[Fields.Database], values[Fields.Username], sslMode,
                // The owner is named only where it is not the username, so that equal entries read as equal targets.
                values.GetValueOrDefault(Fields.Owner) is { } recordedOwner && recordedOwner != values[Fields.Username] ? recordedOwner : null, passwordManaged),
            passwordManaged ? values[Fields.Password] : "");
    }

    // Optional: outputs of a deploy made before the key existed have none, and every password there is the stack's.
    private static bool ReadPasswordManaged(JsonElement entry, string path, List<string> problems)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty(Fields.PasswordManaged, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        problems.Add($"{path}.{Fields.PasswordManaged}: must be true or false.");
        return true;
    }

    // Optional: outputs of a deploy made before the key existed have none, and their tenants keep Prefer.
    private static SslMode ReadSslMode(JsonElement entry, string path, List<string> problems)
    {
        if (!entry.TryGetProperty(Fields.SslMode, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return SslMode.Prefer;
        }
        if (value.ValueKind == JsonValueKind.String && SslModeNames.TryParse(value.GetString(), out var mode))
        {
            return mode;
        }
        problems.Add($"{path}.{Fields.SslMode}: must be one of {string.Join(", ", SslModeNames.All)} (the server's sslMode).");
        return SslMode.Prefer;
    }

    // Ids come from a validated configuration; anything else is shown escaped so it cannot garble a terminal.
    private static readonly JsonSerializerOptions Escaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Printable(string name) => JsonSerializer.Serialize(name, Escaping).Trim('"');
}
