using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Tests.Model;

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

public sealed class ServerPasswordCommandTests
{
    [Fact]
    public void TheCommandAlwaysNamesAStackAndNeverTakesThePasswordAsAnArgument()
    {
        Assert.Equal("pulumi config set --secret --path 'servers.eu-primary.password' --stack prod", ServerPasswordCommand.For("eu-primary", "prod"));
        Assert.EndsWith("--stack <stack>", ServerPasswordCommand.For("eu-primary"));
    }

    [Fact]
    public void EveryFixThatSetsAPasswordUsesIt()
    {
        var result = StackYaml.Read(StackYaml.ValidWith("secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB", "        plain-text-here"));

        var fix = result.Problems.Single(problem => problem.Path.EndsWith("eu-primary.password", StringComparison.Ordinal)).Fix;

        Assert.Contains(ServerPasswordCommand.For("eu-primary"), fix);
        Assert.DoesNotContain("plain-text-here", fix);
    }
}
