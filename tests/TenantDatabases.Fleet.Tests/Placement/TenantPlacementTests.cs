using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Placement;

namespace TenantDatabases.Fleet.Tests.Placement;

public sealed class TenantPlacementTests
{
    private static readonly FleetConfiguration Valid = StackYaml.Read(StackYaml.Valid).Configuration!;

    [Fact]
    public void TheDefaultServerTakesANewTenantWhenItHasRoom()
    {
        var decision = TenantPlacement.Place(Valid, "new-shop", null, null);
        Assert.Equal(("eu-primary", PlacementRule.DefaultServer), (decision.Server, decision.Rule));
        Assert.Contains("default", decision.Explanation);
    }

    [Fact]
    public void AnExplicitServerWins()
    {
        var decision = TenantPlacement.Place(Valid, "new-shop", "eu-secondary", null);
        Assert.Equal(("eu-secondary", PlacementRule.ExplicitServer), (decision.Server, decision.Rule));
    }

    [Fact]
    public void AnExistingTenantIsRefused()
    {
        var decision = TenantPlacement.Place(Valid, "acme_coffee", null, null);
        Assert.False(decision.Succeeded);
        Assert.Equal(PlacementRule.Refused, decision.Rule);
    }

    private static ServerDefinition Server(string name, string? region, int maxTenants, bool isDefault = false) =>
        new(name, $"{name}.internal", 5432, "provisioner", PasswordSetting.Secure("v1:x:y"), region, isDefault, SslMode.Require, maxTenants, "postgres");

    private static FleetConfiguration Fleet(IEnumerable<ServerDefinition> servers, params (string Server, int Count)[] load) =>
        new(StackSettings.Defaults, servers.ToList(),
            load.SelectMany(entry => Enumerable.Range(0, entry.Count).Select(index => new TenantDefinition($"{entry.Server}-t{index}", entry.Server, null, 20))).ToList());

    [Fact]
    public void AFullDefaultSendsTheTenantToTheLeastLoadedServerByShareOfCapacity()
    {
        var fleet = Fleet([Server("main", "eu", 2, isDefault: true), Server("big", "eu", 100), Server("small", "eu", 50)],
            ("main", 2), ("big", 40), ("small", 30));
        var decision = TenantPlacement.Place(fleet, "new-shop", null, null);
        Assert.Equal(("big", PlacementRule.LeastLoadedServer), (decision.Server, decision.Rule));
        Assert.Contains("the default server 'main' is full (2/2 tenants)", decision.Explanation);
    }

    [Fact]
    public void ARequiredRegionOtherThanTheDefaultsPicksThatRegionsLeastLoadedServer()
    {
        var fleet = Fleet([Server("eu-1", "eu", 100, isDefault: true), Server("us-1", "us", 100), Server("us-2", "us", 100)], ("us-1", 5), ("us-2", 3));
        var decision = TenantPlacement.Place(fleet, "new-shop", null, "us");
        Assert.Equal("us-2", decision.Server);
        Assert.Contains("is in region 'eu', not 'us'", decision.Explanation);
    }

    [Fact]
    public void TheDefaultIsUsedWhenItsRegionIsTheRequiredOne()
    {
        var fleet = Fleet([Server("eu-1", "eu", 100, isDefault: true), Server("eu-2", "eu", 100)], ("eu-1", 50));
        Assert.Equal(PlacementRule.DefaultServer, TenantPlacement.Place(fleet, "new-shop", null, "eu").Rule);
    }

    [Fact]
    public void TiesGoToTheFirstNameInOrdinalOrder()
    {
        var fleet = Fleet([Server("b", "eu", 10), Server("a", "eu", 10)]);
        var decision = TenantPlacement.Place(fleet, "new-shop", null, null);
        Assert.Equal("a", decision.Server);
        Assert.Contains("there is no default server", decision.Explanation);
    }

    [Fact]
    public void EveryServerFullIsARefusalThatListsThem()
    {
        var fleet = Fleet([Server("a", "eu", 1, isDefault: true), Server("b", "eu", 1)], ("a", 1), ("b", 1));
        var decision = TenantPlacement.Place(fleet, "new-shop", null, null);
        Assert.False(decision.Succeeded);
        Assert.Contains("Every server of any region is full (a 1/1 tenants, b 1/1 tenants)", decision.Explanation);
    }

    [Fact]
    public void NoServerInTheRequiredRegionIsARefusal()
    {
        var decision = TenantPlacement.Place(Fleet([Server("a", "eu", 10, isDefault: true)]), "new-shop", null, "ap");
        Assert.Equal(PlacementRule.Refused, decision.Rule);
        Assert.Contains("No server is in region 'ap'", decision.Explanation);
    }

    [Theory]
    [InlineData("nowhere", null, "is not defined")]
    [InlineData("full", null, "is full (1/1 tenants)")]
    [InlineData("roomy", "us", "is in region 'eu', but the tenant requires 'us'")]
    public void AnExplicitServerIsRefusedWhenItCannotTakeTheTenant(string server, string? region, string expected)
    {
        var fleet = Fleet([Server("full", "eu", 1), Server("roomy", "eu", 10)], ("full", 1));
        var decision = TenantPlacement.Place(fleet, "new-shop", server, region);
        Assert.False(decision.Succeeded);
        Assert.Contains(expected, decision.Explanation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("a b")]
    [InlineData("x\"; DROP DATABASE y; --")]
    [InlineData("café")]
    public void UnsafeIdsAreRefusedBeforeAnyServerIsChosen(string id) =>
        Assert.False(TenantPlacement.Place(Fleet([Server("a", "eu", 10, isDefault: true)]), id, null, null).Succeeded);

    [Fact]
    public void ATooLongIdIsRefused() =>
        Assert.Contains("over PostgreSQL's 63",
            TenantPlacement.Place(Fleet([Server("a", "eu", 10, isDefault: true)]), new string('a', 200), null, null).Explanation);

    [Fact]
    public void PlacingNeverChangesAnExistingTenantsServer()
    {
        var fleet = Fleet([Server("old", "eu", 10), Server("new", "eu", 10, isDefault: true)], ("old", 1));
        var decision = TenantPlacement.Place(fleet, "old-t0", null, null);
        Assert.False(decision.Succeeded);
        Assert.Contains("already exists on server 'old'; tenants never move", decision.Explanation);
    }

    private static CapacityAssessment Count(FleetConfiguration fleet, ServerDefinition server) =>
        new(new ServerCapacity(fleet.TenantCountOn(server.Name), server.MaxTenants), null);

    [Fact]
    public void TheNextServerOfANearlyFullOneIsTheDefaultOfItsRegionWhenItHasRoom()
    {
        var full = Server("full", "eu", 10);
        var fleet = Fleet([full, Server("emptier", "eu", 10), Server("default", "eu", 10, isDefault: true), Server("elsewhere", "us", 10)],
            ("full", 10), ("default", 5));

        Assert.Equal("default", TenantPlacement.NextServer(fleet, full, server => Count(fleet, server))?.Name);
    }

    [Fact]
    public void TheNextServerIsOtherwiseTheOneWithTheMostRoomInTheRegion()
    {
        var full = Server("full", "eu", 10, isDefault: true);
        var fleet = Fleet([full, Server("half", "eu", 10), Server("quarter", "eu", 8), Server("nearly", "eu", 10), Server("elsewhere", "us", 10)],
            ("full", 10), ("half", 5), ("quarter", 2), ("nearly", 10));

        Assert.Equal("quarter", TenantPlacement.NextServer(fleet, full, server => Count(fleet, server))?.Name);
    }

    [Fact]
    public void ARegionWithoutRoomHasNoNextServer()
    {
        var full = Server("full", "eu", 10);
        var fleet = Fleet([full, Server("other", "eu", 10), Server("elsewhere", "us", 10)], ("full", 10), ("other", 10));

        Assert.Null(TenantPlacement.NextServer(fleet, full, server => Count(fleet, server)));
    }
}
