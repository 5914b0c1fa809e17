using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Status;

namespace TenantDatabases.Operations.Tests.Status;

public sealed class StatusRunTests(StatusFleetFixture fleet) : IClassFixture<StatusFleetFixture>
{
    [Fact]
    public void EachTenantsSchemaLevelIsTheLastScriptOfItsJournalAgainstTheNewestOfMigrations()
    {
        Assert.Equal(new SchemaLevel(SchemaState.Latest, "0003_step_3.sql", "0003_step_3.sql", 0), fleet.Tenant("shop-latest").Schema);
        Assert.Equal(new SchemaLevel(SchemaState.Behind, "0001_step_1.sql", "0003_step_3.sql", 2), fleet.Tenant("shop-behind").Schema);
        Assert.Equal(SchemaState.Empty, fleet.Tenant("shop-fresh").Schema?.State);
        Assert.Equal(SchemaState.Latest, fleet.Tenant("shop-other").Schema?.State);
    }

    [Fact]
    public void ATenantTheAdminCannotEnterShowsWhyAndTheGrantThatFixesItNeverAGuess()
    {
        var schema = fleet.Tenant("shop-locked").Schema;

        Assert.Equal(SchemaState.Unknown, schema?.State);
        Assert.Contains("SQLSTATE 42501", schema?.Reason);
        Assert.Contains("GRANT \"tenant_shop_locked_owner\" TO \"provisioner\";", schema?.Reason);
        Assert.Equal(true, fleet.Tenant("shop-locked").Exists);
    }

    [Fact]
    public void ADeclaredTenantWithoutItsDatabaseIsMissingOnTheServer()
    {
        var missing = fleet.Tenant("shop-missing");

        Assert.Equal(false, missing.Exists);
        Assert.Null(missing.SizeBytes);
        Assert.Contains("no database", missing.Schema?.Reason);
        var finding = fleet.Server("main").Findings.Single(check => check.Name == CheckNames.Tenants);
        Assert.Equal(CheckStatus.Warning, finding.Status);
        Assert.Contains("tenant_shop_missing", finding.Message);
    }

    [Fact]
    public void ADatabaseNameWithQuotesAndUnicodeIsReadAsItIsAndCountsAsAnOrphan()
    {
        var orphan = Assert.Single(fleet.Server("main").Readings?.Databases ?? [], database => !database.Declared);

        Assert.Equal(StatusFleetFixture.HostileOrphan, orphan.Name);
        Assert.NotNull(orphan.SizeBytes);
        Assert.Contains(StatusFleetFixture.HostileOrphan, fleet.Server("main").Findings.Single(check => check.Name == CheckNames.Orphans).Message);
    }

    [Fact]
    public void AServerAtItsMaxTenantsCountingOrphansIsFullAndNamesTheNextServerThatAnswers()
    {
        var main = fleet.Server("main");

        Assert.Equal((6, 6, CapacityVerdict.Full), (main.Capacity.Tenants.Tenants, main.Capacity.Limit, main.Capacity.Verdict));
        Assert.False(main.Capacity.IsDeclaredOnly);
        var capacity = main.Findings.Single(check => check.Name == CheckNames.Capacity);
        Assert.Equal(CheckStatus.Warning, capacity.Status);
        Assert.Contains("Place new tenants on nostats", capacity.Fix);
        Assert.Contains("make it the default", capacity.Fix);
        Assert.DoesNotContain("silent", capacity.Fix);
    }

    [Fact]
    public void UnreadableStatisticsAreUnknownWithTheGrantThatFixesThemNeverZero()
    {
        var noStats = fleet.Server("nostats");

        Assert.True(noStats.Reachable);
        Assert.Null(noStats.Readings?.TransactionsPerSecond);
        Assert.Null(noStats.Readings?.TenantSessions);
        Assert.Contains("42501", noStats.Readings?.StatsProblem);
        var load = noStats.Findings.Single(check => check.Name == CheckNames.Load);
        Assert.Equal((CheckStatus.Warning, "As a role that may grant it: GRANT pg_monitor TO \"provisioner\"; (pg_monitor includes pg_read_all_stats)."),
            (load.Status, load.Fix));
        Assert.NotNull(fleet.Server("main").Readings?.TransactionsPerSecond);
        Assert.Equal(0, fleet.Server("main").Readings?.TenantSessions);
    }

    [Fact]
    public void AServerThatAcceptsAndNeverAnswersIsUnreachableAtPreflightsAuthStep()
    {
        var silent = fleet.Server("silent");

        Assert.False(silent.Reachable);
        Assert.Null(silent.Readings);
        var last = silent.Connection?.Checks[^1];
        Assert.Equal((CheckNames.Authentication, CheckStatus.Error), (last?.Name, last?.Status));
        Assert.Contains("within 2 s during the auth check", last?.Message);
        Assert.True(silent.Capacity.IsDeclaredOnly);
        Assert.True(fleet.Result.HasErrors);
    }

    [Fact]
    public void NoPasswordAppearsInAnyMessageReasonOrFix()
    {
        var text = string.Join("\n", fleet.Result.Servers.SelectMany(server => (server.Connection?.Checks ?? []).Concat(server.Findings))
                       .Select(check => $"{check.Message} {check.Fix}"))
                   + string.Join("\n", fleet.Result.Tenants.Select(tenant => tenant.Schema?.Reason))
                   + string.Join("\n", fleet.Result.Stacks.Select(stack => stack.NotConnected));

        foreach (var password in fleet.Passwords)
        {
            Assert.DoesNotContain(password, text);
        }
    }

    [Fact]
    public async Task SizesReadOnTwoConnectionsAreTheSizesReadOnOne()
    {
        var main = fleet.Main;
        await using var connection = new Npgsql.NpgsqlConnection(main.AdminConnectionString());
        await connection.OpenAsync();
        var declared = new HashSet<string>(StringComparer.Ordinal) { "tenant_shop_latest" };

        var one = await ServerStatusSteps.DatabasesAsync(connection, "tenant_", declared, 30, CancellationToken.None, sizedInParallelFrom: int.MaxValue);
        var two = await ServerStatusSteps.DatabasesAsync(connection, "tenant_", declared, 30, CancellationToken.None, sizedInParallelFrom: 2);

        Assert.True(one.Count >= 5, $"{one.Count} databases");
        Assert.Equal(one, two);
        Assert.Contains(two, database => database.SizeBytes is > 0 && database.Declared);
        Assert.Contains(two, database => database.Name == "tenant_shop_locked" && database.SizeBytes is null);
        Assert.Contains(two, database => database.Name == StatusFleetFixture.HostileOrphan);
    }
}
