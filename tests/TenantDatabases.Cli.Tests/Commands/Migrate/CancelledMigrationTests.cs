using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Migrate;

/// <summary>
/// The built tenantdb cancelled as a CI runner cancels it: SIGTERM (then, for an abort, a second signal) in the
/// middle of slow scripts, on real servers. Every tenant ends whole: its journal matches its objects.
/// </summary>
public sealed class CancelledMigrationTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    // Each script leaves a row that says it ran, in the same transaction as its journal row.
    private static string Scripts(double sleepSeconds) => TenantDb.WriteScripts(
        ("0001_ran.sql", "CREATE TABLE ran (script int NOT NULL);"),
        ("0002_slow.sql", $"INSERT INTO ran VALUES (2); SELECT pg_sleep({sleepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)});"),
        ("0003_last.sql", "INSERT INTO ran VALUES (3);"));

    [Fact]
    public async Task SigtermStopsStartingTenantsLetsTheScriptsInFlightCommitAndWritesEveryTenantsTrueState()
    {
        var tenants = new List<ProvisionedTenant>();
        foreach (var (server, id) in new[] { (servers.First, "term-a1"), (servers.First, "term-a2"), (servers.First, "term-a3"), (servers.Second, "term-b1"), (servers.Second, "term-b2"), (servers.Second, "term-b3") })
        {
            tenants.Add(await TenantProvisioning.CreateAsync(server, id));
        }
        var scripts = Scripts(2);
        var outputs = TenantDb.WriteOutputs(tenants);
        var report = TenantDb.TempFile(".json");

        using var runner = TenantDb.Start(["migrate", "--outputs", outputs, "--scripts", scripts, "--report", report, "--parallel", "2", "--per-server", "1"]);
        var output = ReadAll(runner);
        await WaitUntilSleepingAsync(tenants);
        Signals.Send(runner, Signals.Terminate);
        await runner.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60)); // a hang guard, not a measurement
        var text = await output;

        Assert.True(runner.ExitCode == ExitCodes.Cancelled, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.Contains("SIGTERM: cancelling", text);
        Assert.Contains("The run was cancelled:", text);
        // A cancelled run is no failure to fix: its own line says to rerun, and nothing else asks for a fix.
        Assert.DoesNotContain("did not succeed", text);
        Assert.DoesNotContain("Fix the cause", text);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.True(document.RootElement.GetProperty("cancelled").GetBoolean());
        var entries = document.RootElement.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("tenant").GetString()!);
        Assert.Equal(tenants.Select(t => t.Id).Order(), entries.Keys.Order());
        var statuses = new List<string>();
        foreach (var tenant in tenants)
        {
            var entry = entries[tenant.Id];
            var status = entry.GetProperty("status").GetString()!;
            statuses.Add(status);
            var journal = await JournalAsync(tenant);
            var applied = entry.GetProperty("appliedScripts").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
            // The report says what this run applied, and the journal holds exactly that: nothing ran before it.
            Assert.Equal(applied, journal);
            Assert.Equal(ExpectedRows(journal), await RanAsync(tenant));
            Assert.Contains(status, new[] { "migrated", "cancelled", "skipped" });
            Assert.Equal(status == "migrated" ? 3 : status == "skipped" ? 0 : applied.Count, journal.Count);
            if (status == "skipped")
            {
                Assert.StartsWith("not started: the run was cancelled", entry.GetProperty("failure").GetProperty("message").GetString());
            }
        }
        Assert.Contains("skipped", statuses);
        Assert.Contains(statuses, status => status is "cancelled" or "migrated");

        var (rerunExit, rerun) = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", scripts);

        Assert.True(rerunExit == 0, rerun);
        foreach (var tenant in tenants)
        {
            Assert.Equal(["0001_ran.sql", "0002_slow.sql", "0003_last.sql"], await JournalAsync(tenant));
            Assert.Equal("2,3", await RanAsync(tenant));
        }
    }

    [Fact]
    public async Task ASecondSignalAbortsAtOnceRollsBackTheScriptInFlightAndStillExitsWithTheCancelledCode()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "abort-shop");
        var scripts = Scripts(60);
        var outputs = TenantDb.WriteOutputs([tenant]);
        var report = TenantDb.TempFile(".json");

        using var runner = TenantDb.Start(["migrate", "--outputs", outputs, "--scripts", scripts, "--report", report]);
        var output = ReadAll(runner);
        await WaitUntilSleepingAsync([tenant]);
        Signals.Send(runner, Signals.Interrupt);
        await Task.Delay(300);
        Signals.Send(runner, Signals.Terminate);
        // The script sleeps 60 s: a run that waited for it instead of aborting would not end within this guard.
        await runner.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var text = await output;

        Assert.True(runner.ExitCode == ExitCodes.Cancelled, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.Contains("SIGTERM again: aborting", text);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var entry = Assert.Single(document.RootElement.GetProperty("tenants").EnumerateArray());
        Assert.Equal("cancelled", entry.GetProperty("status").GetString());
        Assert.Equal("0002_slow.sql", entry.GetProperty("failure").GetProperty("script").GetString());
        Assert.True(entry.GetProperty("failure").GetProperty("rolledBack").GetBoolean());
        // The slow script's row and journal entry were never committed.
        Assert.Equal(["0001_ran.sql"], await JournalAsync(tenant));
        Assert.Equal("", await RanAsync(tenant));
    }

    private static Task<string> ReadAll(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return Task.WhenAll(stdout, stderr).ContinueWith(_ => stdout.Result + stderr.Result, TaskScheduler.Default);
    }

    private static string ExpectedRows(IReadOnlyList<string> journal) =>
        string.Join(",", journal.Where(name => name != "0001_ran.sql").Select(name => name[3].ToString()));

    private TestPostgresServer ServerOf(ProvisionedTenant tenant) => tenant.Server == servers.First.Name ? servers.First : servers.Second;

    private async Task<List<string>> JournalAsync(ProvisionedTenant tenant)
    {
        var exists = await ServerOf(tenant).ScalarAsSuperuserAsync<bool>(tenant.Database, "SELECT to_regclass('tenantdb.schema_journal') IS NOT NULL");
        return !exists ? [] : [.. (await ServerOf(tenant).ScalarAsSuperuserAsync<string?>(tenant.Database,
            "SELECT string_agg(script_name, ',' ORDER BY script_name) FROM tenantdb.schema_journal") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task<string> RanAsync(ProvisionedTenant tenant) =>
        await ServerOf(tenant).ScalarAsSuperuserAsync<bool>(tenant.Database, "SELECT to_regclass('public.ran') IS NOT NULL")
            ? await ServerOf(tenant).ScalarAsSuperuserAsync<string?>(tenant.Database, "SELECT string_agg(script::text, ',' ORDER BY script) FROM ran") ?? ""
            : "";

    private async Task WaitUntilSleepingAsync(IEnumerable<ProvisionedTenant> tenants)
    {
        var databases = string.Join(",", tenants.Select(t => $"'{t.Database}'"));
        for (var attempt = 0; attempt < 600; attempt++)
        {
            foreach (var server in new[] { servers.First, servers.Second })
            {
                if (await server.ScalarAsSuperuserAsync<long>("postgres",
                        $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep%' AND datname IN ({databases})") > 0)
                {
                    return;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The migration never reached its slow script.");
    }

}
