using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Planning;

public sealed class FleetPlanTests
{
    private static readonly FleetPlan Plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Valid).Configuration!);

    [Fact]
    public void ThePlanNamesEachTenantsServerAndRefusesAnUnknownName()
    {
        var tenant = Plan.Tenants.Single(planned => planned.Id == "bobs-books");

        Assert.Equal("pg-eu-2.internal", Plan.ServerOf(tenant).Host);
        Assert.Throws<ArgumentException>(() => Plan.Server("nowhere"));
    }
}
