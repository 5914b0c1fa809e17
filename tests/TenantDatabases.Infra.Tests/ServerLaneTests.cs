using System.Text.Json;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Infra.Tests.Engine;

namespace TenantDatabases.Infra.Tests;

/// <summary>
/// The program itself bounds how many operations the engine can run at once on one server, below the PostgreSQL
/// provider's connection pool, whatever <c>--parallel</c> is: the provider's database create and drop hold a pooled
/// connection while they wait on the admin role's lock and then need a second one, so a pool full of them never
/// moves again. Every figure here is computed from the dependencies the program declares.
/// </summary>
[Collection(PulumiEngineCollection.Name)]
public sealed class ServerLaneTests
{
    private const string Provider = "server-solo";

    private static TestStackConfig OneServer(int tenants, params int[] without) => TestStackConfig.From(protect: false, residency: [], locale: null,
        servers: [new("solo", "127.0.0.1", 54323, null, true, "disable", "solo-Admin-Password-3", MaxTenants: 2 * tenants)],
        tenants: Enumerable.Range(0, tenants).Except(without).ToDictionary(TenantId, _ => "solo"));

    private static string TenantId(int i) => $"shop-{i:000}";

    private static async Task<(ResourceGraph Graph, List<DeclaredResource> Operations, int MaxConnections, TestDeployment Deployment)> RunAsync(TestStackConfig config)
    {
        var deployment = await TestDeployment.RunAsync(config);
        var graph = await ResourceGraph.OfAsync(deployment.Declared);
        var operations = graph.Resources
            .Where(resource => ResourceGraph.ProviderName(resource) == Provider && Registrations.PostgreSqlResourceTypes.Contains(resource.Type))
            .ToList();
        var maxConnections = int.Parse(deployment.Registered.Named(Provider).Input("maxConnections"));
        return (graph, operations, maxConnections, deployment);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(60)]
    [InlineData(500)]
    public async Task TheEngineNeverRunsAsManyOperationsOnAServerAsItsProviderHasConnections(int tenants)
    {
        var (graph, operations, maxConnections, _) = await RunAsync(OneServer(tenants));

        var most = ParallelOperations.MostAtOnce(graph, operations);

        Assert.Equal(4 * tenants, operations.Count);
        Assert.InRange(most, 1, Math.Min(tenants, TenantLanes.PerServer));
        // Plus one: the operation holding the lock takes a second connection from the same pool.
        Assert.True(most + 1 <= maxConnections,
            $"{most} operations at once on a server whose provider has {maxConnections} connections can leave the lock holder without its second one");
    }

    [Fact]
    public async Task WithoutTheLanesEveryTenantOfAServerCouldRunAtOnce()
    {
        var (graph, operations, _, _) = await RunAsync(OneServer(60));

        var withoutLanes = graph.Without((resource, dependency) => graph.TenantOf(resource) != graph.TenantOf(dependency)
            && dependency.Type == Registrations.GrantType);

        Assert.Equal(60, ParallelOperations.MostAtOnce(withoutLanes, operations));
    }

    public static TheoryData<string, int[]> Removals => new()
    {
        { "all of them", Enumerable.Range(0, 60).ToArray() },
        { "every other one", Enumerable.Range(0, 30).Select(i => 2 * i).ToArray() },
        { "every third one", Enumerable.Range(0, 20).Select(i => 3 * i + 1).ToArray() },
        { "one in the middle", [31] },
        { "24 drawn at random", new Random(18).GetItems(Enumerable.Range(0, 60).ToArray(), 60).Distinct().Take(24).ToArray() },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task RemovingAnyTenantsDeletesAtMostOneTenantPerLaneAtOnce(string which, int[] removed)
    {
        var (graph, operations, maxConnections, _) = await RunAsync(OneServer(60));

        var most = ParallelOperations.MostDeletedAtOnce(graph, operations, removed.Select(TenantId).ToHashSet());

        Assert.InRange(most, 1, TenantLanes.PerServer);
        Assert.True(most + 1 <= maxConnections, $"removing {which}: {most} deletes at once on one server");
    }

    [Fact]
    public async Task APlainChainWouldDropEveryOtherTenantOfALaneAtOnce()
    {
        var (graph, operations, _, _) = await RunAsync(OneServer(60));
        var lane = TenantLanes.Assign(new FleetPlan(false, null, [],
            Enumerable.Range(0, 60).Select(i => new TenantPlan(TenantId(i), "solo", null, "", "", 0, new TenantProtection(false, false))).ToList()));
        var laneZero = lane.Where(tenant => tenant.Lane == 0).Select(tenant => tenant.Tenant.Id).ToList();
        // Each tenant waiting for the one before it only, as a plain chain would.
        var chain = graph.Without((resource, dependency) => graph.TenantOf(resource) is { } tenant && graph.TenantOf(dependency) is { } other
            && tenant != other && lane.Single(entry => entry.Tenant.Id == tenant).After.LastOrDefault() != other);

        var everyOther = laneZero.Where((_, i) => i % 2 == 0).ToHashSet();

        Assert.Equal(everyOther.Count, ParallelOperations.MostDeletedAtOnce(chain, operations, everyOther));
        Assert.Equal(1, ParallelOperations.MostDeletedAtOnce(graph, operations, everyOther));
    }

    [Fact]
    public async Task EachTenantsOwnerRoleWaitsForTheLastOperationOfEveryEarlierTenantOfItsLane()
    {
        var (graph, _, _, deployment) = await RunAsync(OneServer(9));
        var lanes = TenantLanes.Assign(new FleetPlan(false, null, [],
            Enumerable.Range(0, 9).Select(i => new TenantPlan(TenantId(i), "solo", null, "", "", 0, new TenantProtection(false, false))).ToList()));

        foreach (var lane in lanes)
        {
            var owner = deployment.Declared.Single(resource => resource.Name == $"{lane.Tenant.Id}-owner");
            var waitsFor = graph.DependenciesOf(owner).Where(dependency => dependency.Type == Registrations.GrantType).Select(grant => grant.Name);
            Assert.Equal(lane.After.Select(id => $"{id}-public-revoked").Order(), waitsFor.Order());
        }
    }

    [Fact]
    public async Task RemovingATenantInTheMiddleOfALaneChangesNoOtherTenantsInputsNameOrProvider()
    {
        var before = await TestDeployment.RunAsync(OneServer(60));
        var after = await TestDeployment.RunAsync(OneServer(60, without: 31));

        // The engine diffs inputs and the provider, never dependencies: the tenants after the removed one only wait for one tenant less.
        Assert.Equal(Registered(before).Where(resource => !resource.Name.StartsWith(TenantId(31), StringComparison.Ordinal)), Registered(after));
    }

    private static List<(string Name, string? Type, string? Provider, string Inputs)> Registered(TestDeployment deployment) =>
        deployment.Registered
            .Where(resource => resource.Type != Mocks.StackReferenceType)
            .Select(resource => (resource.Name!, resource.Type, resource.Provider,
                JsonSerializer.Serialize(resource.Inputs.OrderBy(input => input.Key, StringComparer.Ordinal))))
            .OrderBy(resource => resource.Item1, StringComparer.Ordinal)
            .ToList();
}
