using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.Tests.Configuration;

public sealed class ConfigPathTests
{
    [Theory]
    [InlineData("acme-coffee", "tenant-databases:tenants.acme-coffee.server")]
    [InlineData("a.b", "tenant-databases:tenants[\"a.b\"].server")]
    [InlineData("say \"hi\"", "tenant-databases:tenants[\"say \\\"hi\\\"\"].server")]
    [InlineData("", "tenant-databases:tenants[\"\"].server")]
    public void PathsUsePulumisSyntaxAndQuoteOddKeys(string id, string path) =>
        Assert.Equal(path, ConfigPath.Tenant(id, "server"));

    [Fact]
    public void ListItemsAreIndexed() =>
        Assert.Equal("tenant-databases:residency[2]", ConfigPath.Item(ConfigPath.Of("residency"), 2));
}
