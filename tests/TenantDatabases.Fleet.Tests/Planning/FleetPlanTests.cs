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
        Assert.Equal(new TenantPlan("acme-coffee", "eu-primary", "eu-west", "tenant_acme_coffee", "tenant_acme_coffee_owner", 20,
            new TenantProtection(Protect: true, RetainOnDelete: true)),
            plan.Tenants.Single(tenant => tenant.Id == "acme-coffee"));
    }

    [Fact]
    public void ATenantWithoutAKnownServerIsNeverLeftOutSilently()
    {
        var invalid = StackYaml.Read(StackYaml.Valid.Replace("server: eu-secondary", "server: nowhere")).Configuration!;
        Assert.Throws<ArgumentException>(() => FleetPlanner.Plan(invalid));
    }

    [Theory]
    [InlineData(true, false, true, true)]
    [InlineData(true, true, false, true)]
    [InlineData(false, false, false, false)]
    [InlineData(false, true, false, true)]
    public void RetiringLiftsProtectionAndAlwaysRetains(bool stackProtected, bool retiring, bool protect, bool retain)
    {
        var yaml = StackYaml.Valid.Replace("tenant-databases:protect: true", $"tenant-databases:protect: {(stackProtected ? "true" : "false")}")
            .Replace("      server: eu-primary", "      server: eu-primary" + (retiring ? "\n      retire: true" : ""));

        var tenant = FleetPlanner.Plan(StackYaml.Read(yaml).Configuration!).Tenants.Single(t => t.Id == "acme-coffee");

        Assert.Equal(new TenantProtection(protect, retain), tenant.Protection);
        Assert.Equal(retiring, tenant.Retiring);
    }

    [Fact]
    public void APasswordKeeperIsDeclaredOnlyFromVersionTwoSoPasswordsDeployedWithoutKeepersStay()
    {
        var yaml = StackYaml.Valid.Replace("      server: eu-primary", "      server: eu-primary\n      passwordVersion: 2");

        var plan = FleetPlanner.Plan(StackYaml.Read(yaml).Configuration!);

        Assert.Null(plan.Tenants.Single(t => t.Id == "bobs-books").PasswordKeepers());
        var keepers = plan.Tenants.Single(t => t.Id == "acme-coffee").PasswordKeepers();
        Assert.NotNull(keepers);
        Assert.Equal("2", Assert.Single(keepers).Value);
        Assert.Equal(TenantPlan.PasswordVersionKeeper, Assert.Single(keepers).Key);
    }
}

public sealed class AdoptedTenantPlanTests
{
    private static readonly FleetPlan Plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Adopted).Configuration!);

    private static TenantPlan Tenant(string id) => Plan.Tenants.Single(tenant => tenant.Id == id);

    [Fact]
    public void AnAdoptedTenantIsPlannedWithItsExistingDatabaseAndOwnerAndWhatTheServerHolds()
    {
        var legacy = Tenant("legacy-shop");

        Assert.Equal("legacy_shop", legacy.DatabaseName);
        Assert.Equal("provisioner", legacy.RoleName);
        Assert.Equal(TenantOwnerKind.ServerAdmin, legacy.OwnerKind);
        Assert.Equal("LATIN1", legacy.Encoding);
        Assert.Equal("C", Plan.LcCollateOf(legacy));
        Assert.Equal("C", Plan.LcCtypeOf(legacy));
        Assert.Equal(-1, legacy.ConnectionLimit);
        Assert.Null(legacy.Template);
        Assert.Equal(new TenantProtection(Protect: true, RetainOnDelete: true), legacy.Protection);
    }

    [Fact]
    public void OnlyTheOwnerPasswordsTheStackGeneratesAreManaged()
    {
        Assert.True(Tenant("acme-coffee").PasswordManaged);
        Assert.False(Tenant("legacy-shop").PasswordManaged);
        var app = Tenant("app-shop");
        Assert.Equal(TenantOwnerKind.Existing, app.OwnerKind);
        Assert.False(app.PasswordManaged);
        Assert.Equal(5, app.OwnerConnectionLimit);
        Assert.Equal("App Shop", app.DatabaseName);
        Assert.Equal("o'brien \"app\" rôle", app.RoleName);
        Assert.True(Tenant("rotated-shop").PasswordManaged);
    }

    [Fact]
    public void ACreatedDatabaseKeepsTemplate0Utf8AndTheStacksLocale()
    {
        var created = Tenant("acme-coffee");

        Assert.Equal("template0", created.Template);
        Assert.Equal("UTF8", created.Encoding);
        Assert.Null(created.Adoption);
        Assert.Equal(Plan.Locale, Plan.LcCollateOf(created));
        Assert.Equal(created.ConnectionLimit, created.OwnerConnectionLimit);
    }

    [Fact]
    public void AnAdoptedDatabaseWithoutARecordedLocaleTakesTheStacksLocale()
    {
        var yaml = StackYaml.Adopted.Replace("  tenant-databases:protect: true", "  tenant-databases:protect: true\n  tenant-databases:locale: en_US.UTF-8");

        var plan = FleetPlanner.Plan(StackYaml.Read(yaml).Configuration!);

        Assert.Equal("en_US.UTF-8", plan.LcCollateOf(plan.Tenants.Single(tenant => tenant.Id == "app-shop")));
        Assert.Equal("C", plan.LcCollateOf(plan.Tenants.Single(tenant => tenant.Id == "legacy-shop")));
    }
}
