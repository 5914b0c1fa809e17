using System.Text.Json;
using Pulumi;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Infra.Tenants;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

/// <summary>
/// An adopted tenant's database (and its owner role of its own) existed before the stack: the program declares them with
/// Pulumi's <c>import</c> on the first deploy that knows the tenant, with exactly the inputs the server holds (so the import
/// finds no difference), never a password for a role whose password the stack does not hold, and no role for a database
/// the server's admin owns. Once the last deploy lists the tenant, it is declared as any tenant, without <c>import</c>.
/// </summary>
[Collection(PulumiEngineCollection.Name)]
public sealed class AdoptionTests
{
    // The dev stack with three adopted tenants on local-a, as tenantdb adopt writes them.
    private static TestStackConfig Adopted(bool protect = false, int appPasswordVersion = 1) => TestStackConfig.From(
            protect, residency: ["local"], locale: null,
            servers:
            [
                new("local-a", "127.0.0.1", 54321, "local", true, "disable", "local-a-Admin-Password-1"),
                new("local-b", "127.0.0.1", 54322, "local", false, "disable", "local-b-Admin-Password-2"),
            ],
            tenants: new Dictionary<string, string>())
        .With("tenants", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["demo-bakery"] = new Dictionary<string, object> { ["server"] = "local-a" },
            ["demo-books"] = new Dictionary<string, object> { ["server"] = "local-b" },
            ["legacy-shop"] = new Dictionary<string, object>
            {
                ["server"] = "local-a", ["database"] = "legacy_shop", ["owner"] = TestStackConfig.AdminUsername, ["connectionLimit"] = -1,
                ["encoding"] = "LATIN1", ["lcCollate"] = "C", ["lcCtype"] = "C",
            },
            ["app-shop"] = new Dictionary<string, object>
            {
                ["server"] = "local-a", ["database"] = "App \"Shop\"", ["owner"] = "app user ü", ["connectionLimit"] = -1,
                ["lcCollate"] = "en_US.utf8", ["lcCtype"] = "en_US.utf8", ["ownerConnectionLimit"] = 5, ["passwordVersion"] = appPasswordVersion,
            },
            ["kept-shop"] = new Dictionary<string, object>
            {
                ["server"] = "local-a", ["database"] = "kept_shop", ["owner"] = TestStackConfig.AdminUsername,
            },
        }));

    // The last deploy knew the ordinary tenants and kept-shop, adopted before.
    private static Dictionary<string, object> LastOutputs() => new()
    {
        [StackOutputsSchema.PlacementsKey] = new Dictionary<string, object>
        {
            ["demo-bakery"] = Placement("local-a", "tenant_demo_bakery", "tenant_demo_bakery_owner"),
            ["demo-books"] = Placement("local-b", "tenant_demo_books", "tenant_demo_books_owner"),
            ["kept-shop"] = Placement("local-a", "kept_shop", TestStackConfig.AdminUsername),
        },
    };

    private static Dictionary<string, object> Placement(string server, string database, string role) => new()
    {
        ["server"] = server, ["database"] = database, ["role"] = role, ["protect"] = false, ["retainOnDelete"] = false,
    };

    [Fact]
    public async Task ImportIsSetExactlyForTheAdoptedTenantsTheLastDeployDoesNotList()
    {
        var deployment = await TestDeployment.RunAsync(Adopted(), lastOutputs: LastOutputs());

        // The stack's reference to itself is a read, with the stack's name as its ID: no import.
        var imported = deployment.Registered.Where(resource => resource.Type != Mocks.StackReferenceType && !string.IsNullOrEmpty(resource.Id))
            .Select(resource => (resource.Name, resource.Id)).Order().ToList();

        Assert.Equal([("app-shop-database", "App \"Shop\""), ("app-shop-owner", "app user ü"), ("legacy-shop-database", "legacy_shop")], imported);
    }

    [Fact]
    public async Task NothingIsImportedForAnOrdinaryTenantNorOnceTheLastDeployListsTheAdoptedOnes()
    {
        var first = await TestDeployment.RunAsync(TestStackConfig.Dev());
        var last = LastOutputs();
        var placements = (Dictionary<string, object>)last[StackOutputsSchema.PlacementsKey];
        placements["legacy-shop"] = Placement("local-a", "legacy_shop", TestStackConfig.AdminUsername);
        placements["app-shop"] = Placement("local-a", "App \"Shop\"", "app user ü");
        var later = await TestDeployment.RunAsync(Adopted(), lastOutputs: last);

        Assert.All(first.Registered.Where(resource => resource.Type != Mocks.StackReferenceType),
            resource => Assert.True(string.IsNullOrEmpty(resource.Id), $"{resource.Name} is imported"));
        Assert.All(later.Registered.Where(resource => resource.Type != Mocks.StackReferenceType),
            resource => Assert.True(string.IsNullOrEmpty(resource.Id), $"{resource.Name} is imported"));
        // Still declared exactly as the server holds it.
        Assert.Equal("LATIN1", later.Registered.Named("legacy-shop-database").Input("encoding"));
    }

    [Fact]
    public async Task TheImportInputsEqualWhatTheServerHoldsAndWhatNoReadCanSeeIsIgnoredOnTheDatabaseAlone()
    {
        var deployment = await TestDeployment.RunAsync(Adopted());

        var legacy = deployment.Registered.Named("legacy-shop-database");
        Assert.Equal(
            [("connectionLimit", "-1"), ("encoding", "LATIN1"), ("lcCollate", "C"), ("lcCtype", "C"), ("name", "legacy_shop"), ("owner", TestStackConfig.AdminUsername)],
            legacy.Inputs.Keys.Order().Select(key => (key, legacy.Input(key))));
        var app = deployment.Registered.Named("app-shop-database");
        Assert.Equal(("App \"Shop\"", "app user ü", "UTF8", "en_US.utf8", "-1"),
            (app.Input("name"), app.Input("owner"), app.Input("encoding"), app.Input("lcCollate"), app.Input("connectionLimit")));
        Assert.False(app.HasInput("template"), "no Read can say which template an existing database was copied from");
        Assert.Equal(TenantDatabase.UnreadableDatabaseInputs, Declared(deployment, "legacy-shop-database").IgnoreChanges);
        Assert.Empty(Declared(deployment, "legacy-shop-public-revoked").IgnoreChanges);
        Assert.Empty(Declared(deployment, "app-shop-owner").IgnoreChanges);
        Assert.Empty(Declared(deployment, "demo-bakery-database").IgnoreChanges);
        Assert.Equal("template0", deployment.Registered.Named("demo-bakery-database").Input("template"));

        var role = deployment.Registered.Named("app-shop-owner");
        Assert.Equal([("connectionLimit", "5"), ("login", "true"), ("name", "app user ü")], role.Inputs.Keys.Order().Select(key => (key, role.Input(key))));
    }

    [Fact]
    public async Task AnAdoptedRolesPasswordIsNeverDeclaredUntilPasswordVersionIsRaised()
    {
        var adopted = await TestDeployment.RunAsync(Adopted(), lastOutputs: LastOutputs());
        var rotated = await TestDeployment.RunAsync(Adopted(appPasswordVersion: 2), lastOutputs: LastOutputs());

        Assert.False(adopted.Registered.Named("app-shop-owner").HasInput("password"));
        Assert.DoesNotContain(adopted.Registered, resource => resource.Name == "app-shop-password");
        var password = rotated.Registered.Named("app-shop-password");
        Assert.Equal(Mocks.GeneratedPassword("app-shop-password"), rotated.Registered.Named("app-shop-owner").Input("password"));
        Assert.True(password.HasInput("keepers"));
        var tenants = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(rotated.Outputs[StackOutputsSchema.TenantsKey]);
        Assert.Equal(true, tenants["app-shop"]["passwordManaged"]);
    }

    [Fact]
    public async Task ADatabaseTheAdminOwnsGetsNoRoleNoPasswordAndNoMembershipButItsPublicRevoke()
    {
        var deployment = await TestDeployment.RunAsync(Adopted(), lastOutputs: LastOutputs());

        var legacy = deployment.Registered.Where(resource => resource.Name!.StartsWith("legacy-shop-", StringComparison.Ordinal)).Select(resource => resource.Name).Order();
        Assert.Equal(["legacy-shop-database", "legacy-shop-public-revoked"], legacy);
        var app = deployment.Registered.Where(resource => resource.Name!.StartsWith("app-shop-", StringComparison.Ordinal)).Select(resource => resource.Name).Order();
        Assert.Equal(["app-shop-admin-membership", "app-shop-database", "app-shop-owner", "app-shop-public-revoked"], app);
        Assert.Equal("app user ü", deployment.Registered.Named("app-shop-admin-membership").Input("grantRole"));
        Assert.Empty(deployment.Registered.Named("legacy-shop-public-revoked").ListInput("privileges"));
        Assert.All(deployment.Registered.Where(resource => resource.Name!.StartsWith("legacy-shop-", StringComparison.Ordinal)),
            resource => Assert.Equal("server-local-a", resource.ProviderName()));
    }

    [Fact]
    public async Task AdoptedTenantsGetTheStacksProtectionFromTheirFirstImport()
    {
        var deployment = await TestDeployment.RunAsync(Adopted(protect: true));

        foreach (var name in new[] { "legacy-shop-database", "app-shop-database", "app-shop-owner" })
        {
            var options = Declared(deployment, name);
            Assert.True(options.Protect == true && options.RetainOnDelete == true, $"{name} is not protected and retained");
            Assert.False(string.IsNullOrEmpty(((CustomResourceOptions)options).ImportId), $"{name} is not imported");
        }
    }

    [Fact]
    public async Task TheOutputsOfAnAdoptedTenantNameItsDatabaseAndOwnerAndSayItsPasswordIsNotManaged()
    {
        var deployment = await TestDeployment.RunAsync(Adopted(), lastOutputs: LastOutputs());

        var output = deployment.Outputs[StackOutputsSchema.TenantsKey];
        Assert.True(await Registrations.IsSecretAsync<Dictionary<string, Dictionary<string, object?>>>(output));
        var tenants = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(output);
        Assert.Equal(("legacy_shop", TestStackConfig.AdminUsername, TestStackConfig.AdminUsername, "", false),
            (tenants["legacy-shop"]["database"], tenants["legacy-shop"]["username"], tenants["legacy-shop"]["owner"], tenants["legacy-shop"]["password"], tenants["legacy-shop"]["passwordManaged"]));
        Assert.Equal(("app user ü", "", false), (tenants["app-shop"]["owner"], tenants["app-shop"]["password"], tenants["app-shop"]["passwordManaged"]));
        Assert.Equal(true, tenants["demo-bakery"]["passwordManaged"]);
        var placements = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[StackOutputsSchema.PlacementsKey]);
        Assert.Equal(("App \"Shop\"", "app user ü"), (placements["app-shop"]["database"], placements["app-shop"]["role"]));
    }

    [Fact]
    public async Task AnAdoptedDatabaseTheAdminOwnsWaitsForItsLaneLikeAnyTenantsFirstOperation()
    {
        var deployment = await TestDeployment.RunAsync(Adopted(), lastOutputs: LastOutputs());
        var graph = await ResourceGraph.OfAsync(deployment.Declared);

        var database = deployment.Declared.Single(resource => resource.Name == "legacy-shop-database");
        var earlier = Fleet.Planning.TenantLanes.Assign(Fleet.Planning.FleetPlanner.Plan(ValidConfiguration()))
            .Single(lane => lane.Tenant.Id == "legacy-shop").After;
        var dependencies = graph.DependenciesOf(database).Select(dependency => dependency.Name).ToList();
        Assert.All(earlier, tenant => Assert.Contains($"{tenant}-public-revoked", dependencies));
    }

    [Fact]
    public async Task ADeployedOwnerRoleThatWouldBeRenamedOrDroppedFailsTheRunBeforeAnythingIsDeclared()
    {
        var last = LastOutputs();
        ((Dictionary<string, object>)last[StackOutputsSchema.PlacementsKey])["app-shop"] = Placement("local-a", "App \"Shop\"", "old app role");

        var rejected = await TestDeployment.FailAsync(Adopted(), last);

        Assert.Contains("from 'old app role' to 'app user ü'", rejected.RunErrorMessage);
        Assert.Equal([Mocks.StackReferenceType], rejected.Registered.Select(resource => resource.Type));
    }

    private static Fleet.Model.FleetConfiguration ValidConfiguration()
    {
        var raw = Adopted().Raw.ToDictionary(pair => $"{TestStackConfig.Project}:{pair.Key}", pair => pair.Value);
        var read = Fleet.Configuration.FleetConfigurationReader.Read(
            Configuration.PulumiConfigValues.FromRaw(raw.Select(pair => (pair.Key[(TestStackConfig.Project.Length + 1)..], (string?)pair.Value))),
            Fleet.Configuration.ConfigOrigin.PulumiConfig);
        Assert.True(read.IsValid);
        return read.Configuration;
    }

    private static ResourceOptions Declared(TestDeployment deployment, string name) =>
        deployment.Declared.Single(resource => resource.Name == name).Options;
}
