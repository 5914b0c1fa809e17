using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Planning;

public sealed class TenantLanesTests
{
    private static TenantPlan Tenant(string id, string server) =>
        new(id, server, "eu-west", $"tenant_{id.Replace('-', '_')}", $"tenant_{id.Replace('-', '_')}_owner", 20, new TenantProtection(false, false));

    private static ServerPlan Server(string name, int tenants) =>
        new(name, FleetPlanner.ProviderName(name), $"{name}.internal", 5432, "provisioner", "eu-west", false, "require", 1000, "postgres", tenants);

    // Tenants given in a shuffled order, as a stack file may list them.
    private static FleetPlan Plan(IReadOnlyDictionary<string, int> tenantsPerServer, params string[] without)
    {
        var tenants = tenantsPerServer
            .SelectMany(server => Enumerable.Range(0, server.Value).Select(i => Tenant($"{server.Key}-shop-{i:000}", server.Key)))
            .Where(tenant => !without.Contains(tenant.Id))
            .OrderBy(tenant => tenant.Id.GetHashCode(StringComparison.Ordinal))
            .ToList();
        return new FleetPlan(false, null, tenantsPerServer.Select(server => Server(server.Key, server.Value)).ToList(), tenants);
    }

    private static readonly Dictionary<string, int> TwoServers = new() { ["eu-primary"] = 60, ["eu-secondary"] = 7 };

    [Fact]
    public void ATenantWaitsForEveryEarlierTenantOfItsLaneOnItsServerAndForNoOther()
    {
        var lanes = TenantLanes.Assign(Plan(TwoServers));

        Assert.Equal(67, lanes.Count);
        foreach (var lane in lanes)
        {
            var expected = lanes
                .Where(other => other.Tenant.Server == lane.Tenant.Server && other.Lane == lane.Lane
                    && string.CompareOrdinal(other.Tenant.Id, lane.Tenant.Id) < 0)
                .Select(other => other.Tenant.Id)
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, lane.After);
        }
    }

    [Fact]
    public void TenantsComeInIdOrderSoThatEveryTenantFollowsTheTenantsItWaitsFor()
    {
        var lanes = TenantLanes.Assign(Plan(TwoServers));

        Assert.Equal(lanes.Select(lane => lane.Tenant.Id).Order(StringComparer.Ordinal), lanes.Select(lane => lane.Tenant.Id));
        var seen = new HashSet<string>();
        foreach (var lane in lanes)
        {
            Assert.All(lane.After, id => Assert.Contains(id, seen));
            seen.Add(lane.Tenant.Id);
        }
    }

    [Fact]
    public void AServerNeverHasMoreLanesThanTheBoundAndABigOneUsesThemAll()
    {
        var lanes = TenantLanes.Assign(Plan(new Dictionary<string, int> { ["eu-primary"] = 500 }));

        var sizes = lanes.GroupBy(lane => lane.Lane).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(TenantLanes.PerServer, sizes.Count);
        Assert.All(sizes.Keys, lane => Assert.InRange(lane, 0, TenantLanes.PerServer - 1));
        // A hash, not a deal: roughly even, which only matters for how long a first deploy takes.
        Assert.All(sizes.Values, size => Assert.InRange(size, 500 / TenantLanes.PerServer / 2, 500));
    }

    [Fact]
    public void TheLanesLeaveTheLockHoldersSecondConnectionFreeInTheProvidersPool()
    {
        // One connection per lane, one more for the lock holder, and at least one spare.
        Assert.InRange(TenantLanes.PerServer, 1, TenantLanes.ProviderMaxConnections - 2);
    }

    [Fact]
    public void ALaneDependsOnTheTenantIdAloneAndNeverChanges()
    {
        // Fixed values: a change of the hash would re-deal every server's tenants (harmless, but never by accident).
        Assert.Equal(1, TenantLanes.LaneOf("demo-bakery"));
        Assert.Equal(0, TenantLanes.LaneOf("demo-coffee"));
        Assert.Equal(0, TenantLanes.LaneOf("acme-coffee"));
    }

    [Fact]
    public void RemovingATenantChangesOnlyTheWaitsOfLaterTenantsInItsLane()
    {
        var before = TenantLanes.Assign(Plan(TwoServers)).ToDictionary(lane => lane.Tenant.Id);
        var removed = before["eu-primary-shop-020"];

        var after = TenantLanes.Assign(Plan(TwoServers, without: removed.Tenant.Id)).ToDictionary(lane => lane.Tenant.Id);

        Assert.Equal(before.Count - 1, after.Count);
        foreach (var (id, lane) in after)
        {
            Assert.Equal(before[id].Lane, lane.Lane);
            var waitedForRemoved = before[id].After.Contains(removed.Tenant.Id);
            Assert.Equal(waitedForRemoved, lane.Tenant.Server == removed.Tenant.Server && lane.Lane == removed.Lane
                && string.CompareOrdinal(id, removed.Tenant.Id) > 0);
            Assert.Equal(before[id].After.Where(other => other != removed.Tenant.Id), lane.After);
        }
    }

    [Fact]
    public void AddingATenantChangesOnlyTheWaitsOfLaterTenantsInItsLane()
    {
        var before = TenantLanes.Assign(Plan(TwoServers, without: "eu-secondary-shop-003")).ToDictionary(lane => lane.Tenant.Id);

        var after = TenantLanes.Assign(Plan(TwoServers)).ToDictionary(lane => lane.Tenant.Id);
        var added = after["eu-secondary-shop-003"];

        foreach (var (id, lane) in before)
        {
            Assert.Equal(lane.Lane, after[id].Lane);
            Assert.Equal(lane.After, after[id].After.Where(other => other != added.Tenant.Id));
        }
        Assert.All(added.After, id => Assert.True(string.CompareOrdinal(id, added.Tenant.Id) < 0));
    }
}
