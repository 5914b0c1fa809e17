using System.Text.Json;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Infra.Deployments;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

/// <summary>
/// The program reads its own stack's last placements and refuses, before declaring anything, a plan that would
/// re-point a deployed tenant to another server: since Pulumi 3.151 that re-point changes no server and fires no
/// protect, so only the program itself can stop it.
/// </summary>
[Collection(PulumiEngineCollection.Name)]
public sealed class MoveGuardTests
{
    // The dev stack as its last deploy left it: demo-books on local-b, the others on local-a.
    private static Dictionary<string, object> LastOutputs(string booksServer = "local-b", string localBName = "local-b", params string[] extraTenants)
    {
        var placements = new Dictionary<string, object>
        {
            ["demo-bakery"] = Placement("local-a", "demo_bakery"),
            ["demo-coffee"] = Placement("local-a", "demo_coffee"),
            ["demo-books"] = Placement(booksServer, "demo_books"),
        };
        foreach (var tenant in extraTenants)
        {
            placements[tenant] = Placement("local-a", tenant.Replace('-', '_'));
        }
        return new Dictionary<string, object>
        {
            [StackOutputsSchema.PlacementsKey] = placements,
            [StackOutputsSchema.ServersKey] = new Dictionary<string, object>
            {
                ["local-a"] = new Dictionary<string, object> { ["host"] = "127.0.0.1", ["port"] = 54321, ["region"] = "local", ["tenantCount"] = 2 },
                [localBName] = new Dictionary<string, object> { ["host"] = "127.0.0.1", ["port"] = 54322, ["region"] = "local", ["tenantCount"] = 1 },
            },
            // A secret the guard never needs: the tenants output of every deploy.
            [StackOutputsSchema.TenantsKey] = "[not read]",
        };
    }

    private static Dictionary<string, object> Placement(string server, string name) => new()
    {
        ["server"] = server, ["database"] = $"tenant_{name}", ["role"] = $"tenant_{name}_owner", ["protect"] = false, ["retainOnDelete"] = false,
    };

    [Fact]
    public async Task TheFirstDeployReadsItsOwnStackAndDeclaresEverything()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev());

        var reference = deployment.Registered.Named(LastDeployment.ReferenceName);
        Assert.Equal(Mocks.StackReferenceType, reference.Type);
        Assert.Equal($"organization/{TestStackConfig.Project}/dev", reference.Input("name"));
        Assert.Equal(3, deployment.Registered.OfType(Registrations.DatabaseType).Count());
    }

    [Fact]
    public async Task AnUnchangedStackDeploysAsBefore()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev(), lastOutputs: LastOutputs());

        Assert.Equal(3, deployment.Registered.OfType(Registrations.DatabaseType).Count());
        Assert.Equal("server-local-b", deployment.Registered.Named("demo-books-database").ProviderName());
    }

    [Fact]
    public async Task AMovedTenantFailsTheRunBeforeAnyResourceIsDeclaredNamingTenantServersAndRunbook()
    {
        var rejected = await TestDeployment.FailAsync(TestStackConfig.Dev(), LastOutputs(booksServer: "local-a"));

        var message = rejected.RunErrorMessage;
        Assert.Contains("demo-books", message);
        Assert.Contains("from server 'local-a' to 'local-b'", message);
        Assert.Contains(PlanComparison.MoveRunbook, message);
        Assert.Contains("nothing changed on any server", message);
        // Only the read of the stack's own outputs reached the engine: no provider, no database, no role.
        Assert.Equal([Mocks.StackReferenceType], rejected.Registered.Select(resource => resource.Type));
    }

    [Fact]
    public async Task AMovedTenantIsRefusedInAProtectedStackToo()
    {
        var last = new Dictionary<string, object>
        {
            [StackOutputsSchema.PlacementsKey] = new Dictionary<string, object>
            {
                ["acme-coffee"] = new Dictionary<string, object> { ["server"] = "eu-secondary", ["database"] = "tenant_acme_coffee", ["protect"] = true, ["retainOnDelete"] = true },
            },
        };

        var rejected = await TestDeployment.FailAsync(TestStackConfig.Prod(), last);

        Assert.Contains("acme-coffee", rejected.RunErrorMessage);
        Assert.DoesNotContain(rejected.Registered, resource => resource.Type == Registrations.DatabaseType);
    }

    [Fact]
    public async Task AReferenceALegacyLayoutBackendCannotParseFailsTheRunNamingPulumiStateUpgrade()
    {
        // Pulumi's own words for organization/tenant-databases/dev in a file or S3 backend without projects.
        const string legacy = "a stack name may only contain alphanumeric, hyphens, underscores, or periods: invalid character '/' at position 12";

        var rejected = await TestDeployment.FailAsync(TestStackConfig.Dev(), referenceFailure: legacy);

        var reported = rejected.Problem is AggregateException all ? all.InnerExceptions.ToList() : [rejected.Problem];
        var explained = Assert.Single(reported, error => error.Message.Contains($"`{LastDeployment.UpgradeCommand}`", StringComparison.Ordinal));
        Assert.IsType<Pulumi.RunException>(explained);
        Assert.Contains("legacy layout", explained.Message);
        Assert.Contains("organization/tenant-databases/dev", explained.Message);
        Assert.Contains("nothing was declared", explained.Message);
        Assert.Equal([Mocks.StackReferenceType], rejected.Registered.Select(resource => resource.Type));
    }

    [Fact]
    public async Task ARemovedTenantIsNoMoveAndTheRestDeploys()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev(), lastOutputs: LastOutputs(extraTenants: "gone-shop"));

        Assert.Equal(3, deployment.Registered.OfType(Registrations.DatabaseType).Count());
        Assert.DoesNotContain(deployment.Registered, resource => resource.Name?.StartsWith("gone-shop", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ARemovedTenantThatTheLastDeployProtectedIsRefusedWithTheRetireStep()
    {
        var last = LastOutputs(extraTenants: "gone-shop");
        ((Dictionary<string, object>)((Dictionary<string, object>)last[StackOutputsSchema.PlacementsKey])["gone-shop"])["protect"] = true;

        var rejected = await TestDeployment.FailAsync(TestStackConfig.Dev(), last);

        Assert.Contains("retire: true", rejected.RunErrorMessage);
    }

    [Fact]
    public async Task AServerRenamedOnTheSameAddressRepointsItsTenantsWithoutRefusal()
    {
        var deployment = await TestDeployment.RunAsync(TestStackConfig.Dev(),
            lastOutputs: LastOutputs(booksServer: "old-b", localBName: "old-b"));

        Assert.Equal("server-local-b", deployment.Registered.Named("demo-books-database").ProviderName());
    }

    [Fact]
    public async Task AServerRenamedOntoAnotherAddressIsRefused()
    {
        var last = LastOutputs(booksServer: "old-b", localBName: "old-b");
        ((Dictionary<string, object>)((Dictionary<string, object>)last[StackOutputsSchema.ServersKey])["old-b"])["port"] = 6543;

        var rejected = await TestDeployment.FailAsync(TestStackConfig.Dev(), last);

        Assert.Contains("(127.0.0.1:6543)", rejected.RunErrorMessage);
    }

    [Fact]
    public async Task ARetiringTenantLosesProtectionButKeepsItsDataWhenRemoved()
    {
        var config = TestStackConfig.Prod().With("tenants", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["acme-coffee"] = new Dictionary<string, object> { ["server"] = "eu-primary", ["retire"] = true },
            ["lisbon-tiles"] = new Dictionary<string, object> { ["server"] = "eu-secondary" },
        }));

        var deployment = await TestDeployment.RunAsync(config, "prod");

        foreach (var resource in deployment.Declared.Where(resource => resource.Type is Registrations.DatabaseType or Registrations.RoleType))
        {
            var retiring = resource.Name.StartsWith("acme-coffee", StringComparison.Ordinal);
            Assert.Equal(!retiring, resource.Options.Protect == true);
            Assert.True(resource.Options.RetainOnDelete == true, $"{resource.Name} is not retained on delete");
        }
        var placements = await Registrations.ValueAsync<Dictionary<string, Dictionary<string, object?>>>(deployment.Outputs[StackOutputsSchema.PlacementsKey]);
        Assert.Equal(false, placements["acme-coffee"]["protect"]);
        Assert.Equal(true, placements["acme-coffee"]["retainOnDelete"]);
        Assert.Equal(true, placements["lisbon-tiles"]["protect"]);
    }
}
