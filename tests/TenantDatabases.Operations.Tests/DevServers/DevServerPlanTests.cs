using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.DevServers;

namespace TenantDatabases.Operations.Tests.DevServers;

public sealed class DevServerPlanTests
{
    private static ServerDefinition Server(string name, string host) =>
        new(name, host, 54321, "provisioner", PasswordSetting.Secure("v1:x:y"), "local", false, SslMode.Require, 50, "postgres");

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.2", "127.0.0.2")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("::1", "::1")]
    public void LoopbackHostsRunOnTheirAddress(string host, string listen)
    {
        var plan = DevServerPlan.For(new FleetConfiguration(StackSettings.Defaults, [Server("a", host)], []), new DevServerFolder("/x/.dev-servers", null));

        Assert.Empty(plan.Problems);
        Assert.Equal(listen, plan.Servers.Single().Spec.ListenAddress);
        Assert.Equal("/x/.dev-servers/a", plan.Servers.Single().Spec.RootDirectory);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("pg.example.com")]
    [InlineData("::2")]
    [InlineData("0.0.0.0")]
    public void AnyOtherHostIsRefusedAndNothingIsPlanned(string host)
    {
        var plan = DevServerPlan.For(new FleetConfiguration(StackSettings.Defaults, [Server("a", "127.0.0.1"), Server("remote", host)], []),
            new DevServerFolder("/x", null));

        var problem = Assert.Single(plan.Problems);
        Assert.Contains("tenant-databases:servers.remote.host", problem);
        Assert.Contains("not a loopback address", problem);
    }
}
