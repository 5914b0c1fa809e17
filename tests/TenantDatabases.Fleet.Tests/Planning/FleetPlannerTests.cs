using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Planning;

public sealed class FleetPlannerTests
{
    [Fact]
    public void ThePlanCarriesResolvedNamesProvidersAndCounts()
    {
        var plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Valid).Configuration!);
        Assert.True(plan.Protect);
        var primary = plan.Server("eu-primary");
        Assert.Equal("server-eu-primary", primary.ProviderName);
        Assert.Equal("require", primary.SslMode);
        Assert.Equal(1, primary.TenantCount);
        Assert.Equal(new TenantPlan("acme-coffee", "eu-primary", "eu-west", "tenant_acme_coffee", "tenant_acme_coffee_owner", 20),
            plan.Tenants.Single(tenant => tenant.Id == "acme-coffee"));
    }

    [Fact]
    public void ATenantWithoutAKnownServerIsNeverLeftOutSilently()
    {
        var invalid = StackYaml.Read(StackYaml.Valid.Replace("server: eu-secondary", "server: nowhere")).Configuration!;
        Assert.Throws<ArgumentException>(() => FleetPlanner.Plan(invalid));
    }
}
