using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Tests.Model;

public sealed class CapacityAssessmentTests
{
    private static CapacityAssessment Declared(int tenants, int maxTenants) => new(new ServerCapacity(tenants, maxTenants), null);

    private static CapacityAssessment Measured(int tenants, int maxTenants, int inUse, int usable, int? tenantConnections = 0) =>
        new(new ServerCapacity(tenants, maxTenants), new MeasuredLoad(new ConnectionHeadroom(inUse, usable), tenants, tenantConnections));

    [Theory]
    [InlineData(90, CapacityVerdict.Room)]
    [InlineData(91, CapacityVerdict.NearlyFull)]
    [InlineData(100, CapacityVerdict.Full)]
    [InlineData(101, CapacityVerdict.Over)]
    public void TheDeclaredCountAloneGivesTheVerdictOfServerCapacity(int tenants, CapacityVerdict expected)
    {
        var assessment = Declared(tenants, 100);

        Assert.Equal(expected, assessment.Verdict);
        Assert.Equal(new ServerCapacity(tenants, 100).Verdict, assessment.Verdict);
        Assert.True(assessment.IsDeclaredOnly);
        Assert.Contains("load not measured", assessment.Describe());
    }

    [Fact]
    public void TenantsThatHoldSessionsLowerTheLimitToWhatTheFreeConnectionsAllow()
    {
        // 40 tenants hold 80 sessions (2 each); 97 usable, 85 in use: 12 free allow 6 more tenants, not 60.
        var assessment = Measured(40, 100, inUse: 85, usable: 97, tenantConnections: 80);

        Assert.Equal(46, assessment.Limit);
        Assert.Equal(CapacityLimit.Connections, assessment.LimitedBy);
        Assert.Equal(CapacityVerdict.Room, assessment.AgainstLimit.Verdict); // 40/46 = 87 %
        Assert.Contains("allow 46", assessment.Describe());
    }

    [Fact]
    public void AServerWhoseFreeConnectionsCannotTakeAnotherTenantIsFullWhateverItsMaxTenants()
    {
        // 2 tenants hold 40 sessions each; 12 of 97 are free: room by the connections' own rule, but not for a third tenant.
        var assessment = Measured(2, 100, inUse: 85, usable: 97, tenantConnections: 80);

        Assert.Equal(CapacityVerdict.Room, assessment.Load?.Connections.Verdict);
        Assert.Equal(CapacityVerdict.Room, new ServerCapacity(2, 100).Verdict);
        Assert.Equal((2, CapacityVerdict.Full), (assessment.Limit, assessment.Verdict));
    }

    [Fact]
    public void TenantsWithoutSessionsLeaveTheLimitAtMaxTenants()
    {
        var assessment = Measured(10, 100, inUse: 3, usable: 97);

        Assert.Equal((100, CapacityLimit.MaxTenants, CapacityVerdict.Room), (assessment.Limit, assessment.LimitedBy, assessment.Verdict));
        Assert.False(assessment.IsDeclaredOnly);
    }

    [Theory]
    [InlineData(97, CapacityVerdict.Full)]
    [InlineData(93, CapacityVerdict.NearlyFull)] // 4 free, fewer than max(5, 9)
    [InlineData(88, CapacityVerdict.Room)] // 9 free
    public void TheConnectionsVerdictIsTheFloorOfTheServersVerdict(int inUse, CapacityVerdict expected)
    {
        Assert.Equal(expected, new ConnectionHeadroom(inUse, 97).Verdict);
        Assert.Equal(expected, Measured(1, 100, inUse, 97).Verdict);
    }

    [Fact]
    public void ASmallServerKeepsFiveConnectionsFree() =>
        Assert.Equal(CapacityVerdict.NearlyFull, new ConnectionHeadroom(16, 20).Verdict);

    [Fact]
    public void OverMaxTenantsStaysOverWhateverTheConnections() =>
        Assert.Equal(CapacityVerdict.Over, Measured(12, 10, inUse: 1, usable: 97).Verdict);
}
