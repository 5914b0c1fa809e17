using System.Buffers;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// Config paths as Pulumi spells them for <c>pulumi config set --path</c>:
/// <c>tenant-databases:tenants.acme-coffee.server</c>, or <c>tenants["odd key"]</c> for keys that need quoting.
/// </summary>
public static class ConfigPath
{
    private static readonly SearchValues<char> PlainKeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>The path of a top-level key, e.g. <c>tenant-databases:servers</c>.</summary>
    public static string Of(string key) => $"{ConfigDefaults.Namespace}:{key}";

    /// <summary>The path of <paramref name="key"/> inside the value at <paramref name="parent"/>.</summary>
    public static string Child(string parent, string key) =>
        key.Length > 0 && !key.AsSpan().ContainsAnyExcept(PlainKeyChars)
            ? $"{parent}.{key}"
            : $"{parent}[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path of a tenant's key, e.g. <c>tenant-databases:tenants.acme-coffee.server</c>.</summary>
    public static string Tenant(string tenantId, string? key = null) =>
        key is null ? Child(Of(ConfigKeys.Tenants), tenantId) : Child(Child(Of(ConfigKeys.Tenants), tenantId), key);

    /// <summary>The path of a server's key, e.g. <c>tenant-databases:servers.eu-primary.host</c>.</summary>
    public static string Server(string serverName, string? key = null) =>
        key is null ? Child(Of(ConfigKeys.Servers), serverName) : Child(Child(Of(ConfigKeys.Servers), serverName), key);
}
