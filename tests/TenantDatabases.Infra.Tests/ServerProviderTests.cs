using Pulumi;
using Pulumi.PostgreSql;
using Pulumi.Utilities;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Infra.Servers;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

[Collection(PulumiEngineCollection.Name)]
public sealed class ServerProviderTests
{
    [Fact]
    public async Task EachServerHasExactlyOneProviderNamedAfterTheServerAlone()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var providers = deployment.Registered.OfType(Registrations.ProviderType).ToList();

        Assert.Equal(new[] { "server-local-a", "server-local-b" }, providers.Select(provider => provider.Name!).Order());
        var localB = providers.Named("server-local-b");
        Assert.Equal("127.0.0.1", localB.Input("host"));
        Assert.Equal("54322", localB.Input("port"));
        Assert.Equal(TestStackConfig.AdminUsername, localB.Input("username"));
        Assert.Equal("disable", localB.Input("sslmode"));
        Assert.Equal("postgres", localB.Input("database"));
    }

    [Fact]
    public async Task ProvidersNeverAssumeSuperuserAndFailFastWithFewConnections()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Prod(), "prod");

        Assert.All(deployment.Registered.OfType(Registrations.ProviderType), provider =>
        {
            Assert.Equal("false", provider.Input("superuser"));
            Assert.Equal(ServerProviders.ConnectTimeoutSeconds.ToString(), provider.Input("connectTimeout"));
            Assert.Equal(TenantLanes.ProviderMaxConnections.ToString(), provider.Input("maxConnections"));
            Assert.Equal("verify-full", provider.Input("sslmode"));
        });
    }

    [Fact]
    public async Task AdminPasswordsReachTheProvidersOnlyAsSecrets()
    {
        var config = TestStackConfig.Dev();
        var deployment = await TestDeployment.RunAsync(config);

        var providers = deployment.Declared.Where(resource => resource.Type == Registrations.ProviderType).ToList();

        Assert.Equal(2, providers.Count);
        foreach (var provider in providers)
        {
            var password = Assert.IsType<ProviderArgs>(provider.Args).Password.ToOutput();
            Assert.True(await Output.IsSecretAsync(password), $"{provider.Name}'s password is not a secret");
            var expected = provider.Name == "server-local-a" ? "local-a-Admin-Password-1" : "local-b-Admin-Password-2";
            Assert.Equal(expected, await OutputUtilities.GetValueAsync(password));
        }
    }
}
