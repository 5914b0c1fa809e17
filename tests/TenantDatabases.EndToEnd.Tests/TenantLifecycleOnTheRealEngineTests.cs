using System.Text.Json;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.EndToEnd.Tests;

/// <summary>
/// The Pulumi program on the real engine against two real servers, each step checked with SQL on the
/// servers: create, migrate and verify, add a tenant, refuse a move, remove an unprotected tenant, add and
/// remove many tenants on one server at once, remove a retired tenant, destroy. One scenario, because each
/// step starts from the state the one before left.
/// </summary>
public sealed class TenantLifecycleOnTheRealEngineTests(TwoServersFixture fixture) : IClassFixture<TwoServersFixture>
{
    private const string Stack = "e2e";
    private const string Passphrase = "e2e-only-passphrase";
    private const string DataTable = "e2e_rows";

    // At least 24 tenants on one server in one run: six times the provider's pool of four, which hung before the lanes.
    private const int ManyTenants = 48;

    // Each lane creates or drops its tenants one after another: well under a minute for 48 tenants on a local server.
    private static readonly TimeSpan ManyTenantsBound = TimeSpan.FromMinutes(5);

    private const string PoolDeadlock =
        "The PostgreSQL provider's connection pool is most likely deadlocked: more database creates or drops at once on one " +
        "server than its maxConnections (cyrilgdn/terraform-provider-postgresql #514). Check the tenant lanes (docs/architecture.md).";

    private readonly List<ProcessRun> runs = [];

    [Fact]
    public async Task EveryStepChangesOnTheServersExactlyWhatTheStackSays()
    {
        var servers = new Dictionary<string, TestPostgresServer> { ["alpha"] = fixture.First, ["beta"] = fixture.Second };
        foreach (var server in servers.Values)
        {
            // A table in template1 shows whether a database was copied from it instead of from template0.
            await server.Server.ExecuteAsSuperuserAsync("CREATE TABLE IF NOT EXISTS template1_marker (n int)", database: "template1");
        }
        using var stack = TestStack.Create(Stack, Passphrase,
            [EngineProject.StackServer("alpha", fixture.First), EngineProject.StackServer("beta", fixture.Second)],
            new Dictionary<string, string> { ["e2e-bakery"] = "alpha", ["e2e-books"] = "beta" });
        EngineProject.WriteProjectFile(stack.Directory);
        var stackFile = new StackFileEdits(Path.Combine(stack.Directory, $"Pulumi.{Stack}.yaml"));
        EngineProject.UseSaltOnly(stackFile.Path);
        using var pulumi = new PulumiEngine(stack.Directory, Stack, Passphrase);

        await Record(pulumi.SucceedsWithoutStackAsync("plugin", "install", "resource", "postgresql", RepositoryFiles.PinnedVersion("Pulumi.PostgreSql")));
        await Record(pulumi.SucceedsWithoutStackAsync("plugin", "install", "resource", "random", RepositoryFiles.PinnedVersion("Pulumi.Random")));
        await Record(pulumi.SucceedsWithoutStackAsync("stack", "init", Stack, "--non-interactive"));

        // 1. pulumi up creates each tenant correctly, and the first deploy has no previous placements to refuse.
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        var outputs = await pulumi.OutputsAsync();
        await AssertTenantCreatedAsync(outputs, "e2e-bakery", fixture.First);
        await AssertTenantCreatedAsync(outputs, "e2e-books", fixture.Second);

        // 2. migrate and verify pass on the real stack outputs.
        var outputsFile = EngineProject.SaveOutputs(stack.Directory, outputs);
        await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "migrate", "--outputs", outputsFile));
        await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "verify", "--outputs", outputsFile));
        await WriteRowsAsync(outputs, "e2e-bakery");
        await WriteRowsAsync(outputs, "e2e-books");
        var bakery = await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-bakery"));
        var books = await ServerInspection.DatabaseAsync(fixture.Second, Database(outputs, "e2e-books"));

        // 3. Adding a tenant changes nothing else.
        await Record(OperatorTool.SucceedsAsync(stack.Directory, Passphrase, "add-tenant", "e2e-coffee", "--stack", Stack, "--server", "alpha"));
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        await Record(pulumi.SucceedsAsync("preview", "--diff", "--expect-no-changes"));
        outputs = await pulumi.OutputsAsync();
        await AssertTenantCreatedAsync(outputs, "e2e-coffee", fixture.First);
        Assert.Equal(bakery, await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-bakery")));
        Assert.Equal(books, await ServerInspection.DatabaseAsync(fixture.Second, Database(outputs, "e2e-books")));
        Assert.Equal(3, await ServerInspection.RowCountAsync(fixture.First, Database(outputs, "e2e-bakery"), DataTable));

        // 4. A deployed tenant's changed server fails the preview itself, and touches neither server.
        var coffee = await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-coffee"));
        var reviewed = stackFile.Text;
        stackFile.SetTenantKey("e2e-coffee", "server", "beta");
        var moved = await Record(pulumi.RunAsync("preview"));
        Assert.NotEqual(0, moved.ExitCode);
        Assert.Contains("e2e-coffee", moved.Output);
        Assert.Contains("'alpha'", moved.Output);
        Assert.Equal(coffee, await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-coffee")));
        Assert.Null(await ServerInspection.DatabaseAsync(fixture.Second, Database(outputs, "e2e-coffee")));
        File.WriteAllText(stackFile.Path, reviewed);

        // 5. Removing a tenant from an unprotected stack drops its database and role.
        stackFile.RemoveTenant("e2e-coffee");
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        Assert.Null(await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-coffee")));
        Assert.False(await ServerInspection.RoleExistsAsync(fixture.First, Role(outputs, "e2e-coffee")));

        // 6. Many tenants added to one server in one run, then removed in one run (every other one, the removal a plain
        //    chain of dependencies would not serialise) and the rest in another: none of them hangs on the provider's pool.
        var many = Enumerable.Range(1, ManyTenants).Select(i => $"e2e-many-{i:00}").ToList();
        stackFile.AddTenants(many, "alpha");
        await Record(pulumi.SucceedsWithinAsync(ManyTenantsBound, PoolDeadlock, "up", "--yes", "--skip-preview"));
        var manyOutputs = await pulumi.OutputsAsync();
        foreach (var tenant in many)
        {
            Assert.NotNull(await ServerInspection.DatabaseAsync(fixture.First, Database(manyOutputs, tenant)));
        }
        foreach (var removal in new[] { many.Where((_, i) => i % 2 == 0).ToList(), many.Where((_, i) => i % 2 == 1).ToList() })
        {
            foreach (var tenant in removal)
            {
                stackFile.RemoveTenant(tenant);
            }
            await Record(pulumi.SucceedsWithinAsync(ManyTenantsBound, PoolDeadlock, "up", "--yes", "--skip-preview"));
            foreach (var tenant in removal)
            {
                Assert.Null(await ServerInspection.DatabaseAsync(fixture.First, Database(manyOutputs, tenant)));
                Assert.False(await ServerInspection.RoleExistsAsync(fixture.First, Role(manyOutputs, tenant)));
            }
        }
        Assert.Equal(bakery, await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-bakery")));

        // 7. In a protected stack a tenant is retired first, then removed: its database and role stay on the
        //    server, with their data, and leave the state.
        stackFile.SetProtect(true);
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        stackFile.SetTenantKey("e2e-books", "retire", "true");
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        stackFile.RemoveTenant("e2e-books");
        await Record(pulumi.SucceedsAsync("up", "--yes", "--skip-preview"));
        Assert.Equal(books, await ServerInspection.DatabaseAsync(fixture.Second, Database(outputs, "e2e-books")));
        Assert.True(await ServerInspection.RoleExistsAsync(fixture.Second, Role(outputs, "e2e-books")));
        Assert.Equal(3, await ServerInspection.RowCountAsync(fixture.Second, Database(outputs, "e2e-books"), DataTable));
        Assert.DoesNotContain(await pulumi.UrnsAsync(), urn => urn.Contains("e2e-books", StringComparison.Ordinal));

        // 8. pulumi destroy leaves only the protected tenant, with its data.
        await Record(pulumi.SucceedsAsync("destroy", "--yes", "--skip-preview", "--exclude-protected"));
        Assert.Equal(bakery, await ServerInspection.DatabaseAsync(fixture.First, Database(outputs, "e2e-bakery")));
        Assert.Equal(3, await ServerInspection.RowCountAsync(fixture.First, Database(outputs, "e2e-bakery"), DataTable));
        // Protected resources stay in the state with what they depend on (their password, the admin membership).
        var left = await pulumi.UrnsAsync();
        Assert.Contains(left, urn => urn.EndsWith("::e2e-bakery-database", StringComparison.Ordinal));
        Assert.Contains(left, urn => urn.EndsWith("::e2e-bakery-owner", StringComparison.Ordinal));
        Assert.DoesNotContain(left, urn => urn.Contains("e2e-books", StringComparison.Ordinal) || urn.Contains("e2e-coffee", StringComparison.Ordinal));

        // No step printed a password or the passphrase.
        var secrets = new[] { fixture.First.AdminPassword, fixture.Second.AdminPassword, Passphrase }
            .Concat(outputs.GetProperty("tenants").EnumerateObject().Select(tenant => tenant.Value.GetProperty("password").GetString()!));
        Assert.All(runs, run => Assert.All(secrets, secret => Assert.DoesNotContain(secret, run.Output)));
    }

    private async Task AssertTenantCreatedAsync(JsonElement outputs, string tenantId, TestPostgresServer server)
    {
        var database = Database(outputs, tenantId);
        var role = Role(outputs, tenantId);
        var facts = await ServerInspection.DatabaseAsync(server, database);
        Assert.NotNull(facts);
        Assert.Equal(role, facts.Owner);
        Assert.Equal("UTF8", facts.Encoding);
        Assert.False(facts.PublicCanConnect, $"PUBLIC can connect to {database}");
        Assert.False(await ServerInspection.TableExistsAsync(server, database, "template1_marker"), $"{database} was copied from template1");
        Assert.True(await ServerInspection.RoleCanLogInAsync(server, role));
        Assert.True(await ServerInspection.AdminIsMemberOfAsync(server, role));
        await using var connection = EngineProject.TenantConnection(outputs, tenantId);
        await connection.OpenAsync();
        await using var whoAmI = new NpgsqlCommand("SELECT current_user", connection);
        Assert.Equal(role, await whoAmI.ExecuteScalarAsync());
    }

    private static async Task WriteRowsAsync(JsonElement outputs, string tenantId)
    {
        await using var connection = EngineProject.TenantConnection(outputs, tenantId);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE TABLE {DataTable} (n int); INSERT INTO {DataTable} VALUES (1), (2), (3)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Database(JsonElement outputs, string tenantId) =>
        outputs.GetProperty("placements").GetProperty(tenantId).GetProperty("database").GetString()!;

    private static string Role(JsonElement outputs, string tenantId) =>
        outputs.GetProperty("placements").GetProperty(tenantId).GetProperty("role").GetString()!;

    private async Task<ProcessRun> Record(Task<ProcessRun> run)
    {
        var finished = await run;
        runs.Add(finished);
        return finished;
    }

    private Task Record(Task run) => run;
}
