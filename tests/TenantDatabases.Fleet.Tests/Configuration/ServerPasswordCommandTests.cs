using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.Tests.Configuration;

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
