using System.Text.Json;
using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// Reads the JSON of <c>pulumi stack output --json</c>: the non-secret <c>placements</c> output when present
/// (<c>{"&lt;id&gt;": {"server","database","role"}}</c>), else <c>tenants</c> when it is an object. Pulumi
/// prints a secret it was not asked to show as <c>"[secret]"</c>, which here means "unknown".
/// </summary>
public static class StackOutputsReader
{
    private const string Secret = "[secret]";

    /// <summary>The previous deployment, or why the JSON cannot be one.</summary>
    public static (PreviousDeployment? Deployment, string? Problem) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "The stack outputs must be a JSON object (the output of 'pulumi stack output --json').");
        }
        if (!JsonStringCheck.AllReadable(root))
        {
            return (null, "The stack outputs hold a string that escapes a lone surrogate such as \\uD800; write them again with 'pulumi stack output --json'.");
        }
        if (root.TryGetProperty("placements", out var placements) && placements.ValueKind == JsonValueKind.Object)
        {
            return (FromObject(placements), null);
        }
        if (root.TryGetProperty("tenants", out var tenants))
        {
            return tenants.ValueKind == JsonValueKind.Object
                ? (FromObject(tenants), null)
                : (new PreviousDeployment(new Dictionary<string, DeployedTenant>(), TenantsKnown: false), null);
        }
        return (PreviousDeployment.None, null);
    }

    private static PreviousDeployment FromObject(JsonElement tenants)
    {
        var deployed = new Dictionary<string, DeployedTenant>(StringComparer.Ordinal);
        foreach (var property in tenants.EnumerateObject())
        {
            deployed[property.Name] = new DeployedTenant(property.Name, Text(property.Value, "server"), Text(property.Value, "database"));
        }
        return new PreviousDeployment(deployed, TenantsKnown: true);
    }

    private static string? Text(JsonElement tenant, string name) =>
        tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { } text && text != Secret
            ? text
            : null;
}
