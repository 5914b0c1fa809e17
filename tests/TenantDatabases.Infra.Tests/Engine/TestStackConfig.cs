using System.Text.Json;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>A server of a test stack; <see cref="AdminPassword"/> stands for its decrypted <c>secure:</c> value.</summary>
public sealed record TestServer(string Name, string Host, int Port, string? Region, bool IsDefault, string SslMode, string AdminPassword, int MaxTenants = 50);

/// <summary>
/// A stack's configuration as the Pulumi CLI hands it to the program: one raw string per key of the
/// project (JSON for objects, lists, numbers and booleans; bare text for strings).
/// </summary>
public sealed record TestStackConfig(IReadOnlyDictionary<string, string> Raw)
{
    public const string Project = "tenant-databases";

    public const string AdminUsername = "provisioner";

    /// <summary>Like the dev stack: two loopback servers, three pinned tenants, unprotected.</summary>
    public static TestStackConfig Dev(string defaultServer = "local-a") => From(
        protect: false,
        residency: ["local"],
        locale: null,
        servers:
        [
            new("local-a", "127.0.0.1", 54321, "local", defaultServer == "local-a", "disable", "local-a-Admin-Password-1"),
            new("local-b", "127.0.0.1", 54322, "local", defaultServer == "local-b", "disable", "local-b-Admin-Password-2"),
        ],
        tenants: new Dictionary<string, string>
        {
            ["demo-bakery"] = "local-a",
            ["demo-coffee"] = "local-a",
            ["demo-books"] = "local-b",
        });

    /// <summary>Like the prod stack: protected, verify-full, one region, a locale.</summary>
    public static TestStackConfig Prod() => From(
        protect: true,
        residency: ["eu-west"],
        locale: "en_US.UTF-8",
        servers:
        [
            new("eu-primary", "pg-eu-1.db.internal", 5432, "eu-west", true, "verify-full", "eu-primary-Admin-Password-1"),
            new("eu-secondary", "pg-eu-2.db.internal", 5432, "eu-west", false, "verify-full", "eu-secondary-Admin-Password-2"),
        ],
        tenants: new Dictionary<string, string>
        {
            ["acme-coffee"] = "eu-primary",
            ["lisbon-tiles"] = "eu-secondary",
        });

    public static TestStackConfig From(bool protect, IReadOnlyList<string> residency, string? locale,
        IReadOnlyList<TestServer> servers, IReadOnlyDictionary<string, string> tenants)
    {
        var raw = new Dictionary<string, string>
        {
            ["protect"] = protect ? "true" : "false",
            ["residency"] = JsonSerializer.Serialize(residency),
            ["servers"] = JsonSerializer.Serialize(servers.ToDictionary(server => server.Name, Server)),
            ["tenants"] = JsonSerializer.Serialize(tenants.ToDictionary(tenant => tenant.Key, tenant => new Dictionary<string, object>
            {
                ["server"] = tenant.Value,
            })),
        };
        if (locale is not null)
        {
            raw["locale"] = locale;
        }
        return new TestStackConfig(raw);
    }

    private static Dictionary<string, object> Server(TestServer server)
    {
        var settings = new Dictionary<string, object>
        {
            ["host"] = server.Host,
            ["port"] = server.Port,
            ["username"] = AdminUsername,
            ["password"] = server.AdminPassword,
            ["default"] = server.IsDefault,
            ["sslMode"] = server.SslMode,
            ["maxTenants"] = server.MaxTenants,
        };
        if (server.Region is not null)
        {
            settings["region"] = server.Region;
        }
        return settings;
    }

    /// <summary>The same configuration with one key's raw value replaced.</summary>
    public TestStackConfig With(string key, string raw) =>
        new(new Dictionary<string, string>(Raw) { [key] = raw });

    /// <summary><c>PULUMI_CONFIG</c>: every value keyed <c>tenant-databases:&lt;key&gt;</c>.</summary>
    public string PulumiConfigJson() =>
        JsonSerializer.Serialize(Raw.ToDictionary(pair => $"{Project}:{pair.Key}", pair => pair.Value));

    /// <summary><c>PULUMI_CONFIG_SECRET_KEYS</c>: the servers hold <c>secure:</c> passwords.</summary>
    public static string SecretKeysJson() => JsonSerializer.Serialize(new[] { $"{Project}:servers" });
}
