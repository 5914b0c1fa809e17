using Npgsql;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;
using static TenantDatabases.Operations.Tests.Migrations.MigrationFixtures;

namespace TenantDatabases.Operations.Tests.Migrations;

public sealed class ConcurrentMigrationTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    private static readonly (string, string)[] SlowDataScripts =
    [
        ("0001_counter.sql", "CREATE TABLE counter (n int NOT NULL);"),
        ("0002_count_once.sql", "INSERT INTO counter VALUES (1); SELECT pg_sleep(0.3);"),
        ("0003_count_again.sql", "INSERT INTO counter VALUES (2);"),
    ];

    [Fact]
    public async Task TwoRunsAtOnceApplyEveryScriptExactlyOnce()
    {
        var tenants = new[]
        {
            await TenantProvisioning.CreateAsync(servers.First, "twice-a"),
            await TenantProvisioning.CreateAsync(servers.Second, "twice-b"),
        };
        var outputs = Outputs(tenants);
        var scripts = Folder(SlowDataScripts);

        var runs = await Task.WhenAll(MigrateAsync(outputs, Settings(scripts)), MigrateAsync(outputs, Settings(scripts)));

        Assert.All(runs.SelectMany(run => run), result => Assert.True(result.Succeeded, result.Failure?.Message));
        Assert.Equal(3, runs.SelectMany(run => run).Sum(result => result.Applied.Count) / tenants.Length);
        foreach (var tenant in tenants)
        {
            var server = tenant.Server == servers.First.Name ? servers.First : servers.Second;
            Assert.Equal("1,2", await QueryAsync<string>(server, tenant.Database, "SELECT string_agg(n::text, ',' ORDER BY n) FROM counter"));
            Assert.Equal(3L, await QueryAsync<long>(server, tenant.Database, "SELECT count(DISTINCT script_name) FROM tenantdb.schema_journal"));
            Assert.Equal(3L, await QueryAsync<long>(server, tenant.Database, "SELECT count(*) FROM tenantdb.schema_journal"));
        }
    }

    [Fact]
    public async Task ARunNeverHoldsMoreConnectionsPerServerThanTheCapAndLeavesNoneBehind()
    {
        var tenants = new List<ProvisionedTenant>();
        foreach (var id in new[] { "cap-1", "cap-2", "cap-3", "cap-4", "cap-5" })
        {
            tenants.Add(await TenantProvisioning.CreateAsync(servers.Second, id));
        }
        var scripts = Folder(("0001_slow.sql", "CREATE TABLE slow (id int); SELECT pg_sleep(0.2);"));
        var peak = 0L;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, await TenantConnectionsAsync(servers.Second));
                await Task.Delay(10);
            }
        });

        var results = await MigrateAsync(Outputs(tenants), Settings(scripts), Limits(parallel: 8, perServer: 3));
        stop.Cancel();
        await watcher;

        Assert.All(results, result => Assert.True(result.Succeeded, result.Failure?.Message));
        Assert.InRange(peak, 1, 3);
        Assert.Equal(0L, await TenantConnectionsAsync(servers.Second));
    }

    [Fact]
    public async Task ATenantWhoseLockIsHeldFailsAfterTheLockTimeoutNamingTheHolder()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "locked-shop");
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = tenant.Host, Port = tenant.Port, Database = tenant.Database, Username = tenant.Username, Password = tenant.Password,
            Pooling = false, SslMode = SslMode.Disable, ApplicationName = "another runner",
        }.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.Key})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var result = Assert.Single(await MigrateAsync(Outputs([tenant]), Settings(RepositoryMigrations.Read(), lockTimeoutSeconds: 1)));

        Assert.Equal(MigrationStatus.Failed, result.Status);
        Assert.Contains("migration lock for longer than 1 s", result.Failure!.Message);
        Assert.Contains("'another runner'", result.Failure.Message);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public async Task AFailedCanaryStopsTheRunAndOnErrorStopStartsNoFurtherTenant()
    {
        var tenants = new[]
        {
            await TenantProvisioning.CreateAsync(servers.First, "canary-a"),
            await TenantProvisioning.CreateAsync(servers.First, "canary-b"),
            await TenantProvisioning.CreateAsync(servers.First, "canary-c"),
        };
        var failing = Folder(("0001_fails.sql", "SELECT 1/0;"));

        var canary = await MigrateAsync(Outputs(tenants), Settings(failing), Limits(canary: 1));
        var stopped = await MigrateAsync(Outputs(tenants), Settings(failing), Limits(parallel: 1, onError: OnError.Stop));

        Assert.Equal(MigrationStatus.Failed, canary.Single(r => r.Tenant.Id == "canary-a").Status);
        Assert.Equal("22012", canary.Single(r => r.Tenant.Id == "canary-a").Failure!.SqlState);
        Assert.All(canary.Where(r => r.Tenant.Id != "canary-a"), r => Assert.Equal(MigrationStatus.Skipped, r.Status));
        Assert.Equal(1, stopped.Count(r => r.Status == MigrationStatus.Failed));
        Assert.Equal(2, stopped.Count(r => r.Status == MigrationStatus.Skipped));
    }

    private static async Task<long> TenantConnectionsAsync(TestPostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'tenantdb %'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
