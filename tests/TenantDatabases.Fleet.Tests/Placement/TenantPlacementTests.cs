using TenantDatabases.Fleet.Placement;

namespace TenantDatabases.Fleet.Tests.Placement;

public sealed class TenantPlacementTests
{
    private static readonly Model.FleetConfiguration Fleet = StackYaml.Read(StackYaml.Valid).Configuration!;

    [Fact]
    public void TheDefaultServerTakesANewTenantWhenItHasRoom()
    {
        var decision = TenantPlacement.Place(Fleet, "new-shop", null, null);
        Assert.Equal(("eu-primary", PlacementRule.DefaultServer), (decision.Server, decision.Rule));
        Assert.Contains("default", decision.Explanation);
    }

    [Fact]
    public void AnExplicitServerWins()
    {
        var decision = TenantPlacement.Place(Fleet, "new-shop", "eu-secondary", null);
        Assert.Equal(("eu-secondary", PlacementRule.ExplicitServer), (decision.Server, decision.Rule));
    }

    [Fact]
    public void AnExistingTenantIsRefused()
    {
        var decision = TenantPlacement.Place(Fleet, "acme_coffee", null, null);
        Assert.False(decision.IsPlaced);
        Assert.Equal(PlacementRule.Refused, decision.Rule);
    }
}
