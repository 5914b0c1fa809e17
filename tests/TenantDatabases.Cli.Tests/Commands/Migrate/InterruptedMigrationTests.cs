using System.Text.Json;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Migrate;

/// <summary>Runs that are killed or lose a server; these stop and restart their own servers.</summary>
public sealed class InterruptedMigrationTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task ARunnerKilledMidScriptLeavesNothingAppliedTwiceAndTheNextRunCompletes()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "killed-shop");
        var scripts = TenantDb.WriteScripts(
            ("0001_counter.sql", "CREATE TABLE counter (n int NOT NULL);"),
            ("0002_slow_count.sql", "INSERT INTO counter VALUES (2); SELECT pg_sleep(3);"),
            ("0003_count.sql", "INSERT INTO counter VALUES (3);"));
        var outputs = TenantDb.WriteOutputs([tenant]);

        using (var runner = TenantDb.Start(["migrate", "--outputs", outputs, "--scripts", scripts]))
        {
            await WaitUntilSleepingAsync(servers.Second, tenant.Database);
            runner.Kill(); // SIGKILL: no cleanup of any kind runs in the runner.
            await runner.WaitForExitAsync();
        }
        Assert.Equal("0001_counter.sql", await servers.Second.ScalarAsSuperuserAsync<string>(tenant.Database, "SELECT string_agg(script_name, ',') FROM tenantdb.schema_journal"));

        var report = TenantDb.TempFile(".json");
        var (exitCode, output) = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts, "--report", report);

        Assert.True(exitCode == 0, output);
        Assert.Equal("2,3", await servers.Second.ScalarAsSuperuserAsync<string>(tenant.Database, "SELECT string_agg(n::text, ',' ORDER BY n) FROM counter"));
        Assert.Equal(3L, await servers.Second.ScalarAsSuperuserAsync<long>(tenant.Database, "SELECT count(*) FROM tenantdb.schema_journal"));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var applied = document.RootElement.GetProperty("tenants")[0].GetProperty("appliedScripts").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(["0002_slow_count.sql", "0003_count.sql"], applied);
    }

    [Fact]
    public async Task AServerStoppedMidRunFailsOnlyItsTenantsAndARerunAfterItsRestartCompletes()
    {
        var tenants = new[]
        {
            await TenantProvisioning.CreateAsync(servers.First, "stopped-a1"),
            await TenantProvisioning.CreateAsync(servers.First, "stopped-a2"),
            await TenantProvisioning.CreateAsync(servers.Second, "running-b1"),
            await TenantProvisioning.CreateAsync(servers.Second, "running-b2"),
        };
        var scripts = TenantDb.WriteScripts(
            ("0001_slow.sql", "CREATE TABLE slow (id int); SELECT pg_sleep(1.5);"),
            ("0002_more.sql", "CREATE TABLE more (id int);"));
        var outputs = TenantDb.WriteOutputs(tenants);

        var run = TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts, "--parallel", "2", "--per-server", "2");
        await WaitUntilSleepingAsync(servers.First, tenants[0].Database, tenants[1].Database);
        await servers.First.Server.StopAsync(immediate: true);
        var (exitCode, output) = await run;

        Assert.True(exitCode == 1, output);
        Assert.Contains("FAIL stopped-a1 (alpha) failed", output);
        Assert.Contains("FAIL stopped-a2 (alpha) failed", output);
        Assert.Contains("ok   running-b1 (beta) migrated", output);
        Assert.Contains("ok   running-b2 (beta) migrated", output);
        Assert.Matches("stopped-a1 \\(alpha\\) failed in [0-9.]+ s: .*(connection to the server was lost|Connection refused)", output);

        await servers.First.Server.StartAsync();
        var (rerunExit, rerun) = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts);

        Assert.True(rerunExit == 0, rerun);
        Assert.Contains("ok   stopped-a1 (alpha) migrated", rerun);
        Assert.Contains("ok   running-b1 (beta) up to date", rerun);
    }

    [Fact]
    public async Task WithoutThePulumiCliTheErrorSuggestsOutputs()
    {
        var (exitCode, output) = await TenantDb.ChildAsync(["migrate", "--stack", "dev"], path: "/nonexistent");

        Assert.Equal(2, exitCode);
        Assert.Contains("Pulumi CLI is not on PATH", output);
        Assert.Contains("--outputs", output);
    }

    private static async Task WaitUntilSleepingAsync(TestPostgresServer server, params string[] databases)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var sleeping = await server.ScalarAsSuperuserAsync<long>("postgres",
                $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep%' AND datname IN ({string.Join(",", databases.Select(d => $"'{d}'"))})");
            if (sleeping > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The migration never reached its slow script.");
    }

}
