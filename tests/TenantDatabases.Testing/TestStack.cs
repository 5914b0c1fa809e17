using System.Text;
using System.Text.Json.Nodes;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Testing;

/// <summary>One server entry of a <see cref="TestStack"/>.</summary>
public sealed record TestStackServer(string Name, int Port, string Password, string Username = TestPostgresServer.AdminUser, int MaxTenants = 50, string Host = "127.0.0.1");

/// <summary>
/// A Pulumi project in a temporary folder: Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml with a passphrase
/// secrets provider and real <c>secure:</c> ciphertexts, or the same configuration as the JSON of
/// <c>pulumi config --json --show-secrets</c>. Deleted on dispose.
/// </summary>
public sealed class TestStack : IDisposable
{
    private TestStack(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>Writes a project with one stack; tenants map tenant id to server name.</summary>
    public static TestStack Create(
        string stack, string passphrase, IReadOnlyList<TestStackServer> servers,
        IReadOnlyDictionary<string, string>? tenants = null, string prefix = "tenant_")
    {
        var directory = Path.Combine(Path.GetTempPath(), "tenantdb-stacks", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Pulumi.yaml"), "name: tenant-databases\nruntime: dotnet\n");
        var crypter = PassphraseCrypter.CreateNew(passphrase);
        var yaml = new StringBuilder()
            .AppendLine($"encryptionsalt: {crypter.EncryptionSalt}")
            .AppendLine("config:")
            .AppendLine("  tenant-databases:protect: false")
            .AppendLine($"  tenant-databases:databasePrefix: {prefix}")
            .AppendLine("  tenant-databases:servers:");
        foreach (var server in servers)
        {
            yaml.AppendLine($"    {server.Name}:")
                .AppendLine($"      host: {server.Host}")
                .AppendLine($"      port: {server.Port}")
                .AppendLine($"      username: {server.Username}")
                .AppendLine("      password:")
                .AppendLine($"        secure: {crypter.Encrypt(server.Password)}")
                .AppendLine("      region: local")
                .AppendLine($"      default: {(server == servers[0] ? "true" : "false")}")
                .AppendLine("      sslMode: disable")
                .AppendLine($"      maxTenants: {server.MaxTenants}");
        }
        if (tenants is { Count: > 0 })
        {
            yaml.AppendLine("  tenant-databases:tenants:");
            foreach (var (id, server) in tenants)
            {
                yaml.AppendLine($"    {id}:").AppendLine($"      server: {server}");
            }
        }
        File.WriteAllText(Path.Combine(directory, $"Pulumi.{stack}.yaml"), yaml.ToString());
        return new TestStack(directory);
    }

    /// <summary>The same servers as <c>pulumi config --json --show-secrets</c> prints them, written beside the project.</summary>
    public static string WriteConfigJson(string directory, IReadOnlyList<TestStackServer> servers, IReadOnlyDictionary<string, string>? tenants = null)
    {
        var serverObject = new JsonObject();
        foreach (var server in servers)
        {
            serverObject[server.Name] = new JsonObject
            {
                ["host"] = server.Host, ["port"] = server.Port, ["username"] = server.Username, ["password"] = server.Password,
                ["region"] = "local", ["default"] = server == servers[0], ["sslMode"] = "disable", ["maxTenants"] = server.MaxTenants,
            };
        }
        var tenantObject = new JsonObject();
        foreach (var (id, server) in tenants ?? new Dictionary<string, string>())
        {
            tenantObject[id] = new JsonObject { ["server"] = server };
        }
        var document = new JsonObject
        {
            ["tenant-databases:protect"] = new JsonObject { ["value"] = "false", ["secret"] = false },
            ["tenant-databases:servers"] = new JsonObject { ["value"] = serverObject.ToJsonString(), ["objectValue"] = serverObject, ["secret"] = true },
            ["tenant-databases:tenants"] = new JsonObject { ["value"] = tenantObject.ToJsonString(), ["objectValue"] = tenantObject.DeepClone(), ["secret"] = false },
        };
        var path = Path.Combine(directory, "config.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
