namespace TenantDatabases.Infra.Configuration;

/// <summary>
/// The project's configuration keys (Pulumi.yaml declares the same). Pulumi's Config cannot list
/// the keys a stack sets, so the program asks for each of these by name.
/// </summary>
internal static class ProjectConfigKeys
{
    public const string Servers = "servers";

    public const string Password = "password";

    public static IReadOnlyList<string> All { get; } =
        ["protect", "residency", "databasePrefix", "locale", Servers, "tenants"];
}
