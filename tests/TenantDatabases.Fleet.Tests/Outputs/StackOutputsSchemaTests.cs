using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Fleet.Tests.Outputs;

public sealed class StackOutputsSchemaTests
{
    private static readonly FleetPlan Plan = FleetPlanner.Plan(StackYaml.Read(StackYaml.Valid).Configuration!);

    [Fact]
    public void APlannedTenantsEntryCarriesItsServersConnectionAndSslModeAndEveryField()
    {
        var tenant = Plan.Tenants.Single(planned => planned.Id == "acme-coffee");

        var entry = StackOutputsSchema.Entry(TenantTarget.From(tenant, Plan.ServerOf(tenant)), "pw");

        Assert.Equal(["database", "host", "owner", "password", "passwordManaged", "port", "region", "server", "sslMode", "username"], entry.Keys.Order());
        Assert.Equal("pg-eu-1.internal", entry["host"]);
        Assert.Equal(5432, entry["port"]);
        Assert.Equal("require", entry["sslMode"]);
        Assert.Equal("tenant_acme_coffee_owner", entry["username"]);
        Assert.Equal("tenant_acme_coffee_owner", entry["owner"]);
        Assert.Equal(true, entry["passwordManaged"]);
    }

    [Fact]
    public void AServerWithoutARegionIsWrittenWithAnEmptyRegionAndItsTenantCount()
    {
        var server = Plan.Server("eu-secondary") with { Region = null };

        var entry = StackOutputsSchema.Entry(ServerOutput.From(server));

        Assert.Equal(["host", "port", "region", "tenantCount"], entry.Keys.Order());
        Assert.Equal("", entry["region"]);
        Assert.Equal(1, entry["tenantCount"]);
    }

    [Fact]
    public void APlacementNamesServerDatabaseRoleAndTheProtectionAppliedButNoSecret()
    {
        var entry = StackOutputsSchema.Entry(PlacementOutput.From(Plan.Tenants.Single(planned => planned.Id == "bobs-books")));

        Assert.Equal(["database", "passwordVersion", "protect", "retainOnDelete", "role", "server"], entry.Keys.Order());
        Assert.Equal(1, entry["passwordVersion"]);
        Assert.Equal("eu-secondary", entry["server"]);
        Assert.Equal("tenant_bobs_books_owner", entry["role"]);
        Assert.Equal(true, entry["protect"]);
        Assert.Equal(true, entry["retainOnDelete"]);
    }
}
