using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

[Collection(PulumiEngineCollection.Name)]
public sealed class PlacementStabilityTests
{
    [Fact]
    public async Task ChangingTheDefaultServerChangesNoExistingTenantsProvider()
    {
        var before = await TestDeployment.RunAsync(TestStackConfig.Dev(defaultServer: "local-a"));
        var after = await TestDeployment.RunAsync(TestStackConfig.Dev(defaultServer: "local-b"));

        var providersBefore = TenantResourceProviders(before);
        var providersAfter = TenantResourceProviders(after);

        Assert.Equal(12, providersBefore.Count);
        Assert.Equal(providersBefore, providersAfter);
        Assert.Equal("server-local-a", providersAfter["demo-coffee-database"]);
    }

    private static Dictionary<string, string> TenantResourceProviders(TestDeployment deployment) =>
        deployment.Registered
            .Where(resource => Registrations.PostgreSqlResourceTypes.Contains(resource.Type!))
            .ToDictionary(resource => resource.Name!, resource => resource.ProviderName());
}
