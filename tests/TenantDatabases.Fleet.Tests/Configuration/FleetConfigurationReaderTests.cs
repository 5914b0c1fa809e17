using System.Text.Json;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Tests.Configuration;

public sealed class FleetConfigurationReaderTests
{
    [Fact]
    public void AValidStackReadsIntoTheModelWithDefaults()
    {
        var result = StackYaml.Read(StackYaml.Valid);
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var configuration = result.Configuration!;
        Assert.True(configuration.Settings.Protect);
        Assert.Equal(["eu-west"], configuration.Settings.Residency);
        var secondary = configuration.FindServer("eu-secondary")!;
        Assert.Equal(new ServerDefinition("eu-secondary", "pg-eu-2.internal", 5432, "provisioner",
            PasswordSetting.Secure("v1:CCCCCCCCCCCCCCCC:DDDDDDDDDDDDDDDDDDDDDDDD"), "eu-west", false, SslMode.Require, 100, "postgres"), secondary);
        Assert.Equal([new TenantDefinition("acme-coffee", "eu-primary", null, 20), new TenantDefinition("bobs-books", "eu-secondary", null, 5)],
            configuration.Tenants);
    }

    [Fact]
    public void PulumiConfigJsonReadsTheSameWayAndAcceptsADecryptedPassword()
    {
        using var servers = JsonDocument.Parse("""
            {"main": {"host": "127.0.0.1", "port": 54321, "username": "provisioner", "password": "decrypted",
                      "region": "local", "default": true, "sslMode": "disable", "maxTenants": 50}}
            """);
        using var tenants = JsonDocument.Parse("""{"demo": {"server": "main", "connectionLimit": -1}}""");
        var config = new ConfigMap([
            new("tenant-databases:servers", JsonConfigValues.FromJson(servers.RootElement)),
            new("tenant-databases:tenants", JsonConfigValues.FromJson(tenants.RootElement)),
            new("tenant-databases:protect", new ConfigScalar("false")),
            new("aws:region", new ConfigScalar("eu-west-1")),
        ]);
        var result = FleetConfigurationReader.Read(config, ConfigOrigin.PulumiConfig);
        Assert.Empty(result.Problems);
        var server = Assert.Single(result.Configuration!.Servers);
        Assert.Equal(PasswordKind.Provided, server.Password.Kind);
        Assert.Equal(54321, server.Port);
        Assert.Equal(SslMode.Disable, server.SslMode);
        Assert.False(result.Configuration.Settings.Protect);
        Assert.Equal(-1, Assert.Single(result.Configuration.Tenants).ConnectionLimit);
    }

    [Fact]
    public void KeysWithoutTheNamespaceAreTheProjectsAndOtherNamespacesAreIgnored()
    {
        var yaml = StackYaml.Valid.Replace("tenant-databases:tenants:", "tenants:") + "\n  aws:region: eu-west-1\n";
        var result = StackYaml.Read(yaml);
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Configuration!.Tenants.Count);
    }

    [Fact]
    public void APlainPasswordInAStackFileIsAnErrorThatDoesNotEchoIt()
    {
        var yaml = StackYaml.Valid.Replace("password:\n        secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB", "password: hunter2-plain");
        var result = StackYaml.Read(yaml);
        var problem = StackYaml.SingleError(result, "tenant-databases:servers.eu-primary.password");
        Assert.Contains("plain text", problem.Message);
        Assert.DoesNotContain("hunter2", problem.Format("Pulumi.test.yaml"));
        Assert.Equal(new SourceLocation(9, 17), problem.Location);
    }
}
