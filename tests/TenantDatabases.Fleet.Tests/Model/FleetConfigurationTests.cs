namespace TenantDatabases.Fleet.Tests.Model;

public sealed class FleetConfigurationTests
{
    [Fact]
    public void EachServerCountsTheTenantsPinnedToItAndNoOtherServer()
    {
        var configuration = StackYaml.Read(StackYaml.Valid.Replace("server: eu-secondary", "server: eu-primary")).Configuration!;

        Assert.Equal(2, configuration.TenantCountOn("eu-primary"));
        Assert.Equal(0, configuration.TenantCountOn("eu-secondary"));
        Assert.Equal(["acme-coffee", "bobs-books"], configuration.TenantsOn("eu-primary").Select(tenant => tenant.Id));
    }
}
