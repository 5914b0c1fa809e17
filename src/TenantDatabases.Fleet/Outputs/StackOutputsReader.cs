using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Outputs;

/// <summary>
/// The one reader of <c>pulumi stack output --json [--show-secrets]</c>. It gives the previous deployment from the
/// non-secret <c>placements</c> output when present, else from <c>tenants</c> when that is an object (a secret
/// printed as <c>"[secret]"</c> means "unknown"); and it gives the tenants' connections, which need --show-secrets.
/// </summary>
public static class StackOutputsReader
{
    /// <summary>Reads <paramref name="json"/>; <paramref name="source"/> names where it came from in every problem.</summary>
    public static StackOutputsResult Read(string json, string source)
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
            return StackOutputsResult.Unreadable($"{source}: not valid JSON ({Position(error)}). " + Fix);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!JsonStringCheck.AllReadable(root))
            {
                return StackOutputsResult.Unreadable($"{source}: not valid JSON (a string escapes a lone surrogate such as \\uD800). " + Fix);
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                // Not stack outputs at all, like text that is not JSON: the wrong file, a usage problem.
                return StackOutputsResult.Unreadable($"{source}: the stack outputs must be a JSON object (the output of 'pulumi stack output --json').");
            }
            var problems = new List<string>();
            var connections = TenantConnectionsReader.Read(root, source, problems);
            return new StackOutputsResult(PreviousDeploymentOf(root), connections, problems);
        }
    }

    private const string Fix =
        "Pass what 'pulumi stack output --json' prints (with --show-secrets for migrate and verify), not JSON edited by hand.";

    private static string Position(Exception error) => error is JsonException { LineNumber: { } line, BytePositionInLine: { } column }
        ? $"line {line + 1}, column {column + 1}"
        : "it holds an invalid character";

    private static PreviousDeployment PreviousDeploymentOf(JsonElement root)
    {
        var servers = ServersOf(root);
        if (root.TryGetProperty(StackOutputsSchema.PlacementsKey, out var placements) && placements.ValueKind == JsonValueKind.Object)
        {
            return new PreviousDeployment(Placements(placements), TenantsKnown: true, servers);
        }
        if (root.TryGetProperty(StackOutputsSchema.TenantsKey, out var tenants))
        {
            return tenants.ValueKind == JsonValueKind.Object
                ? new PreviousDeployment(Connections(tenants), TenantsKnown: true, servers)
                : new PreviousDeployment(new Dictionary<string, DeployedTenant>(), TenantsKnown: false, servers);
        }
        return PreviousDeployment.None;
    }

    private static Dictionary<string, DeployedTenant> Placements(JsonElement placements)
    {
        var deployed = new Dictionary<string, DeployedTenant>(StringComparer.Ordinal);
        foreach (var property in placements.EnumerateObject())
        {
            var protect = Flag(property.Value, StackOutputsSchema.PlacementFields.Protect);
            var retain = Flag(property.Value, StackOutputsSchema.PlacementFields.RetainOnDelete);
            deployed[property.Name] = new DeployedTenant(property.Name,
                Text(property.Value, StackOutputsSchema.PlacementFields.Server), Text(property.Value, StackOutputsSchema.PlacementFields.Database),
                protect is { } p && retain is { } r ? new TenantProtection(p, r) : null,
                PasswordVersion(property.Value), Text(property.Value, StackOutputsSchema.PlacementFields.Role));
        }
        return deployed;
    }

    private static Dictionary<string, DeployedTenant> Connections(JsonElement tenants)
    {
        var deployed = new Dictionary<string, DeployedTenant>(StringComparer.Ordinal);
        foreach (var property in tenants.EnumerateObject())
        {
            deployed[property.Name] = new DeployedTenant(property.Name,
                Text(property.Value, StackOutputsSchema.TenantFields.Server), Text(property.Value, StackOutputsSchema.TenantFields.Database));
        }
        return deployed;
    }

    // Only entries with a readable address: a server the outputs cannot place is one a rename cannot be matched to.
    private static Dictionary<string, DeployedServer>? ServersOf(JsonElement root)
    {
        if (!root.TryGetProperty(StackOutputsSchema.ServersKey, out var servers) || servers.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var deployed = new Dictionary<string, DeployedServer>(StringComparer.Ordinal);
        foreach (var property in servers.EnumerateObject())
        {
            if (Text(property.Value, StackOutputsSchema.ServerFields.Host) is { } host
                && property.Value.TryGetProperty(StackOutputsSchema.ServerFields.Port, out var port)
                && port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var number))
            {
                deployed[property.Name] = new DeployedServer(property.Name, host, number);
            }
        }
        return deployed;
    }

    // The program writes 1 and up: anything else was not written by it and says nothing about the deployed password.
    private static int? PasswordVersion(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty(StackOutputsSchema.PlacementFields.PasswordVersion, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number) && number >= 1
            ? number
            : null;

    private static bool? Flag(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static string? Text(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { } text && text != StackOutputsSchema.HiddenSecret
            ? text
            : null;
}

/// <summary>
/// What reading <c>pulumi stack output --json [--show-secrets]</c> gave: the previous deployment whenever the
/// text is a JSON object, and the tenants' connections when every <c>tenants</c> entry is sound.
/// </summary>
/// <param name="Deployment">What the last deploy left (a plan needs no more); null when the text is not a JSON object.</param>
/// <param name="Connections">Every tenant's connection and password; null when <paramref name="Problems"/> has any.</param>
/// <param name="Problems">
/// Why the connections cannot be had, every one at once, each naming the source and the path; never a value.
/// When <paramref name="Deployment"/> is null they say why the outputs cannot be read at all.
/// </param>
/// <param name="IsUsageProblem">True when the outputs could not be read at all (no such file, not JSON, no Pulumi CLI).</param>
public sealed record StackOutputsResult(
    PreviousDeployment? Deployment, TenantConnections? Connections, IReadOnlyList<string> Problems, bool IsUsageProblem = false)
{
    /// <summary>True when the connections were read.</summary>
    [MemberNotNullWhen(true, nameof(Connections), nameof(Deployment))]
    public bool IsValid => Connections is not null && Deployment is not null;

    /// <summary>Outputs that could not be read at all, for <paramref name="problem"/>.</summary>
    public static StackOutputsResult Unreadable(string problem) => new(null, null, [problem], IsUsageProblem: true);
}
