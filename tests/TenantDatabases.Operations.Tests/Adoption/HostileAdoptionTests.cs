using Npgsql;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Adoption;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Adoption;

/// <summary>
/// Names a server may hold that no tenant id can be (quotes, spaces, any script, control characters, 63 bytes), an owner
/// role with such a name, and a server that goes away in the middle of adopt's read: each gets a clear answer, and the
/// stack file is either written whole or left as it was, never half.
/// </summary>
public sealed class HostileAdoptionTests
{
    private const string Passphrase = "hostile-adopt-passphrase";

    public static readonly string[] HostileNames =
    [
        "x\"; DROP DATABASE y; --",
        "with space",
        "ünïcødé_shop",
        "tenant_" + new string('a', 56),
        new string('é', 31) + "a",
        "line\nbreak",
        "bidi\u202Eevil",
    ];

    // A role name with quotes, a space and a non-ASCII letter: a dedicated owner that the stack must hold exactly.
    private const string OddOwner = "o'brien \"app\" ü";

    private static string? Environment(string name) => name == "PULUMI_CONFIG_PASSPHRASE" ? Passphrase : null;

    private static AdoptionRequest Request(TestStack stack) =>
        new("hostile", stack.Directory, "hostile", null, DryRun: false, null, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task NamesThatCannotBeIdsAreListedWithReasonAndFixAndAnOddOwnerIsWrittenExactly()
    {
        await using var server = await TestPostgresServer.StartAsync("hostile");
        foreach (var name in HostileNames)
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) <= SqlIdentifier.MaxBytes, name);
            await server.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE {SqlIdentifier.Quote(name)} OWNER {TestPostgresServer.AdminUser}");
        }
        await server.Server.ExecuteAsSuperuserAsync($"CREATE ROLE {SqlIdentifier.Quote(OddOwner)} LOGIN");
        await server.Server.ExecuteAsSuperuserAsync($"GRANT {SqlIdentifier.Quote(OddOwner)} TO {TestPostgresServer.AdminUser} WITH ADMIN OPTION");
        await server.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE tenant_odd_owner OWNER {SqlIdentifier.Quote(OddOwner)}");
        using var stack = TestStack.Create("hostile", Passphrase, [new TestStackServer("hostile", server.Port, server.AdminPassword)]);

        var result = await ServerAdoption.RunAsync(Request(stack), Environment, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        var adopted = Assert.Single(result.Plan.Adopted);
        Assert.Equal(("odd-owner", OddOwner), (adopted.Id, adopted.Owner));
        var notAdoptable = result.Plan.NotAdoptable.ToDictionary(skip => skip.Name);
        Assert.Equal(HostileNames.Order(), notAdoptable.Keys.Order());
        Assert.All(notAdoptable.Values, skip => Assert.False(string.IsNullOrEmpty(skip.Fix)));
        Assert.Contains("too long", notAdoptable[HostileNames[3]].Why);
        var load = StackLoader.Load(stack.Directory, "hostile");
        Assert.True(load.IsValid, string.Join("\n", load.Problems.Select(problem => problem.Format(null))));
        Assert.Equal(OddOwner, load.Configuration.Tenants.Single().Existing?.Owner);
        Assert.DoesNotContain(server.AdminPassword, string.Join("", notAdoptable.Values.Select(skip => skip.Why + skip.Fix)));
    }

    [Fact]
    public async Task AServerThatGoesAwayMidReadGetsAClearAnswerAndTheStackFileIsLeftAsItWas()
    {
        await using var server = await TestPostgresServer.StartAsync("vanishing");
        await server.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE shop_one OWNER {TestPostgresServer.AdminUser}");
        using var stack = TestStack.Create("hostile", Passphrase, [new TestStackServer("hostile", server.Port, server.AdminPassword)]);
        var file = Path.Combine(stack.Directory, "Pulumi.hostile.yaml");
        var before = await File.ReadAllBytesAsync(file);
        // The second of adopt's two reads (the owner roles) waits for this lock; the first is done by then.
        await using var locker = new NpgsqlConnection(server.Server.SuperuserConnectionString());
        await locker.OpenAsync();
        await using (var lockCatalog = new NpgsqlCommand("BEGIN; LOCK TABLE pg_catalog.pg_auth_members IN ACCESS EXCLUSIVE MODE", locker))
        {
            await lockCatalog.ExecuteNonQueryAsync();
        }

        var adopting = ServerAdoption.RunAsync(Request(stack), Environment, CancellationToken.None);
        await WaitUntilAdoptWaitsOnALockAsync(server);
        await server.Server.StopAsync(immediate: true);
        var result = await adopting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(result.Succeeded);
        Assert.False(result.IsUsageProblem);
        Assert.Contains("stopped answering while adopt read its databases", result.Problem);
        Assert.Contains("Nothing was written", result.Problem);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.Equal([file], Directory.GetFiles(stack.Directory, "*.yaml*").Where(path => !path.EndsWith("Pulumi.yaml", StringComparison.Ordinal)));
    }

    private static async Task WaitUntilAdoptWaitsOnALockAsync(TestPostgresServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await server.ScalarAsSuperuserAsync<bool>("postgres",
                    $"SELECT EXISTS (SELECT FROM pg_stat_activity WHERE application_name = 'tenantdb {ServerCatalogReader.Purpose}' AND wait_event_type = 'Lock')"))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("adopt never waited on the catalog lock");
    }
}
