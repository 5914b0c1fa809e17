using Pulumi;
using Pulumi.Utilities;
using TenantDatabases.Infra.Tenants;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

[Collection(PulumiEngineCollection.Name)]
public sealed class TenantDatabaseTests
{
    private static readonly IReadOnlyDictionary<string, string> DevTenantServers = new Dictionary<string, string>
    {
        ["demo-bakery"] = "local-a",
        ["demo-coffee"] = "local-a",
        ["demo-books"] = "local-b",
    };

    [Fact]
    public async Task EveryDatabaseRoleGrantAndGrantRoleUsesTheProviderOfItsTenantsServer()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        foreach (var (tenant, server) in DevTenantServers)
        {
            foreach (var child in new[] { "database", "owner", "admin-membership", "public-revoked" })
            {
                Assert.Equal($"server-{server}", deployment.Registered.Named($"{tenant}-{child}").ProviderName());
            }
        }
        var postgreSqlResources = deployment.Registered.Where(r => Registrations.PostgreSqlResourceTypes.Contains(r.Type!)).ToList();
        Assert.Equal(DevTenantServers.Count * 4, postgreSqlResources.Count);
    }

    [Fact]
    public async Task EachDatabaseIsOwnedByItsTenantsOwnerRole()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        foreach (var tenant in DevTenantServers.Keys)
        {
            var database = deployment.Registered.Named($"{tenant}-database");
            var owner = deployment.Registered.Named($"{tenant}-owner");
            var expectedRole = $"tenant_{tenant.Replace('-', '_')}_owner";
            Assert.Equal($"tenant_{tenant.Replace('-', '_')}", database.Input("name"));
            Assert.Equal(expectedRole, owner.Input("name"));
            Assert.Equal(expectedRole, database.Input("owner"));
        }
    }

    [Fact]
    public async Task PublicLosesEveryPrivilegeOnEveryTenantDatabase()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var grants = deployment.Registered.OfType(Registrations.GrantType).ToList();

        Assert.Equal(DevTenantServers.Count, grants.Count);
        foreach (var tenant in DevTenantServers.Keys)
        {
            var grant = grants.Named($"{tenant}-public-revoked");
            Assert.Equal("public", grant.Input("role"));
            Assert.Equal("database", grant.Input("objectType"));
            Assert.Equal($"tenant_{tenant.Replace('-', '_')}", grant.Input("database"));
            Assert.Empty(grant.ListInput("privileges"));
            var declared = deployment.Declared.Single(resource => resource.Name == grant.Name);
            Assert.True(Assert.IsType<CustomResourceOptions>(declared.Options).DeleteBeforeReplace,
                "a replaced grant is deleted first: its delete runs REVOKE ALL, which after the new one's create would take back what it gave");
        }
    }

    [Fact]
    public async Task TheAdminJoinsEachOwnerRoleBeforeTheDatabaseIsCreated()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        foreach (var tenant in DevTenantServers.Keys)
        {
            var membership = deployment.Registered.Named($"{tenant}-admin-membership");
            Assert.Equal(TestStackConfig.AdminUsername, membership.Input("role"));
            Assert.Equal($"tenant_{tenant.Replace('-', '_')}_owner", membership.Input("grantRole"));

            var database = deployment.Declared.Single(resource => resource.Name == $"{tenant}-database");
            var dependencies = new List<string>();
            await foreach (var dependency in database.Options.DependsOn)
            {
                dependencies.Add((await OutputUtilities.GetValueAsync(dependency.ToOutput())).GetResourceName());
            }
            Assert.Contains($"{tenant}-admin-membership", dependencies);
        }
    }

    [Fact]
    public async Task InAProtectedStackEveryDatabaseAndRoleIsProtectedAndRetainedOnDelete()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Prod(), "prod");

        var holdingData = HoldingData(deployment);

        Assert.Equal(4, holdingData.Count);
        Assert.All(holdingData, resource =>
        {
            Assert.True(resource.Options.Protect == true, $"{resource.Name} is not protected");
            Assert.True(resource.Options.RetainOnDelete == true, $"{resource.Name} is not retained on delete");
        });
    }

    [Fact]
    public async Task InAnUnprotectedStackNoDatabaseOrRoleIsProtectedOrRetained()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var holdingData = HoldingData(deployment);

        Assert.Equal(DevTenantServers.Count * 2, holdingData.Count);
        Assert.All(holdingData, resource =>
        {
            Assert.False(resource.Options.Protect == true, $"{resource.Name} is protected");
            Assert.False(resource.Options.RetainOnDelete == true, $"{resource.Name} is retained on delete");
        });
    }

    [Fact]
    public async Task DatabasesAreCreatedFromTemplate0InUtf8WithTheStacksLocaleAndConnectionLimit()
    {
        var prod = await TestDeployment.RunAsync(TestStackConfig.Prod(), "prod");
        var dev = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var database = prod.Registered.Named("acme-coffee-database");
        Assert.Equal("template0", database.Input("template"));
        Assert.Equal("UTF8", database.Input("encoding"));
        Assert.Equal("en_US.UTF-8", database.Input("lcCollate"));
        Assert.Equal("en_US.UTF-8", database.Input("lcCtype"));
        Assert.Equal("20", database.Input("connectionLimit"));
        var withoutLocale = dev.Registered.Named("demo-books-database");
        Assert.False(withoutLocale.HasInput("lcCollate"), "a stack without a locale keeps the server's");
        Assert.False(withoutLocale.HasInput("lcCtype"), "a stack without a locale keeps the server's");
    }

    [Fact]
    public async Task OwnerRolesLogInWithTheirGeneratedPasswordWhichNeedsNoEscaping()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        foreach (var tenant in DevTenantServers.Keys)
        {
            var password = deployment.Registered.Named($"{tenant}-password");
            Assert.Equal(Mocks.RandomPasswordType, password.Type);
            Assert.Equal(TenantDatabase.PasswordLength.ToString(), password.Input("length"));
            Assert.Equal("false", password.Input("special"));

            var owner = deployment.Registered.Named($"{tenant}-owner");
            Assert.Equal("true", owner.Input("login"));
            Assert.Equal(Mocks.GeneratedPassword($"{tenant}-password"), owner.Input("password"));
            Assert.Equal("20", owner.Input("connectionLimit"));
        }
    }

    private static List<DeclaredResource> HoldingData(TestDeployment deployment) =>
        deployment.Declared
            .Where(resource => resource.Type is Registrations.DatabaseType or Registrations.RoleType)
            .ToList();
}
