using TenantDatabases.Fleet.Regions;

namespace TenantDatabases.Fleet.Tests.Regions;

public sealed class TenantFinderTests
{
    private static readonly IReadOnlyList<StackSource> Stacks =
    [
        FleetRulesTests.Stack("eu", FleetRulesTests.Region("eu-west", "pg-eu.internal", "acme-coffee", "bobs-books")),
        FleetRulesTests.Stack("us", FleetRulesTests.Region("us-east", "pg-us.internal", "corner-deli")),
    ];

    [Fact]
    public void ATenantIsFoundWithItsStackLineServerAddressRegionAndDatabase()
    {
        var found = Assert.Single(TenantFinder.Find(Stacks, "bobs-books"));

        Assert.Equal(new TenantLocation("bobs-books", "eu", "Pulumi.eu.yaml", new Fleet.Validation.SourceLocation(14, 5), "eu-west-primary",
            "pg-eu.internal", 5432, "eu-west", "tenant_bobs_books"), found);
    }

    [Fact]
    public void TheDatabaseSpellingOfAnIdFindsIt() =>
        Assert.Equal("corner-deli", Assert.Single(TenantFinder.Find(Stacks, "corner_deli")).TenantId);

    [Fact]
    public void AnUnknownIdIsFoundNowhere() => Assert.Empty(TenantFinder.Find(Stacks, "nobody"));
}
