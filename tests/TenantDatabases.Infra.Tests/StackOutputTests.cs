using System.Text.Json;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

[Collection(PulumiEngineCollection.Name)]
public sealed class StackOutputTests
{
    private static readonly string[] ConnectionKeys = ["database", "host", "owner", "password", "passwordManaged", "port", "region", "server", "sslMode", "username"];

    [Fact]
    public async Task TheTenantsOutputIsSecretAndCarriesExactlyTheConnectionContract()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var output = deployment.Outputs[StackOutputsSchema.TenantsKey];

        Assert.True(await Registrations.IsSecretAsync<Dictionary<string, Dictionary<string, object?>>>(output));
        var tenants = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(output);

        Assert.Equal(new[] { "demo-bakery", "demo-books", "demo-coffee" }, tenants.Keys.Order());
        Assert.All(tenants.Values, connection => Assert.Equal(ConnectionKeys, connection.Keys.Order()));
        var books = tenants["demo-books"];
        Assert.Equal("local-b", books["server"]);
        Assert.Equal("local", books["region"]);
        Assert.Equal("127.0.0.1", books["host"]);
        Assert.Equal(54322, books["port"]);
        Assert.Equal("disable", books["sslMode"]);
        Assert.Equal("tenant_demo_books", books["database"]);
        Assert.Equal("tenant_demo_books_owner", books["username"]);
        Assert.Equal(Mocks.GeneratedPassword("demo-books-password"), books["password"]);
    }

    [Fact]
    public async Task EachConnectionCarriesItsServersSslMode()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Prod(), "prod");

        var tenants = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[StackOutputsSchema.TenantsKey]);

        Assert.NotEmpty(tenants);
        Assert.All(tenants.Values, connection => Assert.Equal("verify-full", connection["sslMode"]));
    }

    [Fact]
    public async Task EveryConnectionCarriesARegionEvenWhenItsServerHasNone()
    {
        var config = TestStackConfig.From(protect: false, residency: [], locale: null,
            servers: [new("solo", "127.0.0.1", 54323, null, true, "disable", "solo-Admin-Password-3")],
            tenants: new Dictionary<string, string> { ["demo-bakery"] = "solo" });
        var deployment = await TestDeployment.RunAsync(config);

        var tenants = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[StackOutputsSchema.TenantsKey]);
        var servers = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[StackOutputsSchema.ServersKey]);

        Assert.Equal(ConnectionKeys, tenants["demo-bakery"].Keys.Order());
        Assert.Equal("", tenants["demo-bakery"]["region"]);
        Assert.Equal("", servers["solo"]["region"]);
    }

    [Fact]
    public async Task TheServersOutputIsNotSecretAndCountsEachServersTenants()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var output = deployment.Outputs[StackOutputsSchema.ServersKey];

        Assert.False(await Registrations.IsSecretAsync<Dictionary<string, Dictionary<string, object?>>>(output));
        var servers = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(output);

        Assert.Equal(new[] { "local-a", "local-b" }, servers.Keys.Order());
        Assert.All(servers.Values, server => Assert.Equal(new[] { "host", "port", "region", "tenantCount" }, server.Keys.Order()));
        Assert.Equal(2, servers["local-a"]["tenantCount"]);
        Assert.Equal(1, servers["local-b"]["tenantCount"]);
        Assert.Equal(54321, servers["local-a"]["port"]);
        Assert.Equal("local", servers["local-b"]["region"]);
    }

    [Fact]
    public async Task ThePlacementsOutputIsNotSecretAndNamesEachTenantsServerDatabaseAndRole()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var output = deployment.Outputs[StackOutputsSchema.PlacementsKey];

        Assert.False(await Registrations.IsSecretAsync<Dictionary<string, Dictionary<string, object?>>>(output));
        var placements = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(output);

        Assert.Equal(3, placements.Count);
        Assert.Equal("local-a", placements["demo-coffee"]["server"]);
        Assert.Equal("tenant_demo_coffee", placements["demo-coffee"]["database"]);
        Assert.Equal("tenant_demo_coffee_owner", placements["demo-coffee"]["role"]);
    }

    [Fact]
    public async Task TheStackHasExactlyTheThreeContractOutputs()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        Assert.Equal(new[] { "placements", "servers", "tenants" }, deployment.Outputs.Keys.Order());
    }

    [Fact]
    public async Task NoOutputButTheSecretTenantsOutputHoldsAPassword()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var passwords = new[] { "local-a-Admin-Password-1", "local-b-Admin-Password-2", Mocks.GeneratedPassword("demo-bakery-password") };

        foreach (var key in new[] { StackOutputsSchema.ServersKey, StackOutputsSchema.PlacementsKey })
        {
            var json = JsonSerializer.Serialize(await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[key]));
            Assert.All(passwords, password => Assert.DoesNotContain(password, json));
        }
    }
}
