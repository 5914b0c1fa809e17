using System.Text.Json;
using Npgsql;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Migrate;

public sealed class MigrateCommandTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task MigrateThenVerifyOverTwoServersReportsEveryTenantAndNeverShowsAPassword()
    {
        var tenants = new[]
        {
            await TenantProvisioning.CreateAsync(servers.First, "cli-bakery"),
            await TenantProvisioning.CreateAsync(servers.Second, "cli-books"),
        };
        var outputs = TenantDb.WriteOutputs(tenants);
        var report = TenantDb.TempFile(".json");

        var (exitCode, output) = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--report", report);

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok   cli-bakery (alpha) migrated", output);
        Assert.Contains("ok   cli-books (beta) migrated", output);
        var json = await File.ReadAllTextAsync(report);
        using (var document = JsonDocument.Parse(json))
        {
            var entries = document.RootElement.GetProperty("tenants").EnumerateArray().ToList();
            Assert.Equal(["cli-bakery", "cli-books"], entries.Select(e => e.GetProperty("tenant").GetString()));
            Assert.All(entries, e => Assert.Equal(7, e.GetProperty("appliedScripts").GetArrayLength()));
            Assert.All(entries, e => Assert.Equal("migrated", e.GetProperty("status").GetString()));
        }

        var (againExit, again) = await TenantDb.RunAsync("migrate", "--outputs", outputs);
        var (verifyExit, verify) = await TenantDb.RunAsync("verify", "--outputs", outputs, "--format", "json");

        Assert.Equal(0, againExit);
        Assert.Contains("2 up to date", again);
        Assert.Equal(0, verifyExit);
        Assert.True(JsonDocument.Parse(verify).RootElement.GetProperty("succeeded").GetBoolean());
        foreach (var tenant in tenants)
        {
            Assert.DoesNotContain(tenant.Password, output + json + again + verify);
        }
    }

    [Theory]
    [InlineData("CREATE TABLE c8(a int); COMMIT; SELECT 1/0;", "runs in a transaction, and its statement 'COMMIT'")]
    [InlineData("", "holds no SQL statement")]
    public async Task AScriptThatEndsItsOwnTransactionOrHoldsNoStatementIsRefusedBeforeAnyTenantIsTouched(string sql, string problem)
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "cli-commit-" + (sql.Length == 0 ? "empty" : "c8"));
        var scripts = TenantDb.WriteScripts(("0001_first.sql", "CREATE TABLE first_table (a int);"), ("0002_bad.sql", sql));

        var (exitCode, output) = await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([tenant]), "--scripts", scripts);

        Assert.True(exitCode == ExitCodes.Usage, output);
        Assert.Contains($"0002_bad.sql: {problem}", output);
        Assert.DoesNotContain("rolled back", output);
        Assert.DoesNotContain("CommandText", output);
        Assert.Null(await servers.First.ScalarAsSuperuserAsync<string>(tenant.Database, "SELECT to_regclass('c8')::text"));
        Assert.Null(await servers.First.ScalarAsSuperuserAsync<string>(tenant.Database, "SELECT to_regclass('first_table')::text"));
    }

    [Fact]
    public async Task OnATerminalAProgressBarCountsFinishedAndFailedTenantsInsteadOfALinePerTenant()
    {
        var good = await TenantProvisioning.CreateAsync(servers.First, "cli-progress-good");
        var other = await TenantProvisioning.CreateAsync(servers.Second, "cli-progress-other");
        var wrongPassword = other with { Id = "cli-progress-wrong", Password = "not-" + other.Password };

        var (exitCode, output) = await TenantDb.InTerminalAsync("migrate", "--outputs", TenantDb.WriteOutputs([good, other, wrongPassword]));

        Assert.Equal(1, exitCode);
        var screen = System.Text.RegularExpressions.Regex.Replace(output, @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Contains("tenants (1 failed)", screen);
        Assert.Contains("100%", screen);
        Assert.Contains("\x1b[", output);
        Assert.DoesNotContain("ok   cli-progress-good (alpha) migrated in", screen);
        Assert.Contains("cli-progress-wrong", screen);
        Assert.DoesNotContain(other.Password, output);
        Assert.DoesNotContain(good.Password, output);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task AnOutputsFileOtherUsersCanReadIsWarnedAboutAndOneOnlyItsOwnerReadsIsNot()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "cli-exposed");
        var outputs = TenantDb.WriteOutputs([tenant]);

        File.SetUnixFileMode(outputs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (_, exposed) = await TenantDb.RunAsync("verify", "--outputs", outputs);
        File.SetUnixFileMode(outputs, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (_, private_) = await TenantDb.RunAsync("verify", "--outputs", outputs);

        Assert.Contains($"warning: {outputs} holds every tenant's password and other users can read it (mode 644); run 'chmod 600 {outputs}'", exposed);
        Assert.DoesNotContain("warning:", private_);
        Assert.DoesNotContain(tenant.Password, exposed + private_);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task WithJsonOutputTheWarningGoesToStandardErrorAndStandardOutputStaysOneJsonDocument()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "cli-exposed-json");
        var outputs = TenantDb.WriteOutputs([tenant]);
        File.SetUnixFileMode(outputs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        using var process = TenantDb.Start(["verify", "--outputs", outputs, "--format", "json"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        using var document = JsonDocument.Parse(await stdout);
        Assert.False(document.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Contains("other users can read it (mode 604)", await stderr);
        Assert.DoesNotContain(tenant.Password, await stdout + await stderr);
    }

    [Fact]
    public async Task AFailedTenantIsReportedWithScriptAndSqlStateAndExitsOneWithoutShowingAnyPassword()
    {
        var good = await TenantProvisioning.CreateAsync(servers.First, "cli-good");
        var bad = await TenantProvisioning.CreateAsync(servers.Second, "cli-bad");
        var wrongPassword = bad with { Id = "cli-wrong", Password = "not-" + bad.Password };
        var scripts = TenantDb.WriteScripts(
            ("0001_items.sql", "CREATE TABLE items (id int);"),
            ("0002_fails.sql", $"DO $x$ BEGIN IF current_database() = '{bad.Database}' THEN RAISE EXCEPTION 'boom' USING ERRCODE = '23514'; END IF; END $x$;"));
        var report = TenantDb.TempFile(".json");

        var (exitCode, output) = await TenantDb.RunAsync(
            "migrate", "--outputs", TenantDb.WriteOutputs([good, bad, wrongPassword]), "--scripts", scripts, "--report", report);

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var failed = document.RootElement.GetProperty("tenants").EnumerateArray().Single(e => e.GetProperty("tenant").GetString() == "cli-bad");
        Assert.Equal("0002_fails.sql", failed.GetProperty("failure").GetProperty("script").GetString());
        Assert.Equal("23514", failed.GetProperty("failure").GetProperty("sqlState").GetString());
        var refused = document.RootElement.GetProperty("tenants").EnumerateArray().Single(e => e.GetProperty("tenant").GetString() == "cli-wrong");
        Assert.Equal("28P01", refused.GetProperty("failure").GetProperty("sqlState").GetString());
        Assert.Contains("FAIL cli-bad (beta) failed", output);
        foreach (var password in new[] { good.Password, bad.Password, wrongPassword.Password })
        {
            Assert.DoesNotContain(password, output + document.RootElement.GetRawText());
        }
    }

    [Fact]
    public async Task AHostileDatabaseNameInTheOutputsCannotInjectSql()
    {
        var victim = await TenantProvisioning.CreateAsync(servers.First, "victim-shop");
        var hostileName = $"tenant_x'; DROP DATABASE \"{victim.Database}\"; --\"";
        var hostile = await TenantProvisioning.CreateAsync(servers.First, "hostile-shop", hostileName, "tenant_hostile_owner\"; DROP ROLE x; --");

        var (exitCode, output) = await TenantDb.RunAsync("migrate", "--outputs", TenantDb.WriteOutputs([hostile]));

        Assert.True(exitCode == 0, output);
        await using var connection = new NpgsqlConnection(servers.First.Server.SuperuserConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", new[] { victim.Database, hostileName });
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InvalidTenantEntriesAreAllReportedAndNothingRuns()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "entries-ok");
        var outputs = TenantDb.TempFile(".json");
        Directory.CreateDirectory(Path.GetDirectoryName(outputs)!);
        await File.WriteAllTextAsync(outputs, $$$"""
            {"tenants": {
              "entries-ok": {{{tenant.ToOutputEntry().ToJsonString()}}},
              "x\"; DROP TABLE t; --": {"server": "beta", "region": "local", "host": "127.0.0.1", "port": {{{servers.Second.Port}}}, "database": "d", "username": "u", "password": "p"},
              "no-port": {"server": "beta", "region": "local", "host": "127.0.0.1", "database": "d", "username": "u", "password": "secret-not-shown"}
            }}
            """);

        var (exitCode, output) = await TenantDb.RunAsync("migrate", "--outputs", outputs);

        Assert.Equal(1, exitCode);
        Assert.Contains("DROP TABLE t; --: the tenant id must be lower-case letters", output);
        Assert.Contains("tenants.no-port.port: missing", output);
        Assert.DoesNotContain("secret-not-shown", output);
        Assert.DoesNotContain(tenant.Password, output);
        await using var connection = new NpgsqlConnection(servers.Second.Server.SuperuserConnectionString(tenant.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenantdb'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task DryRunListsPendingScriptsAndVerifyThenFailsOnTheUnmigratedTenant()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "cli-dry");
        var outputs = TenantDb.WriteOutputs([tenant]);

        var (dryExit, dry) = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--dry-run");
        var (verifyExit, verify) = await TenantDb.RunAsync("verify", "--outputs", outputs);

        Assert.True(dryExit == 0, dry);
        Assert.Contains("ok   cli-dry (beta) pending in", dry);
        Assert.Contains("0001_outlets_and_registers.sql, 0002_staff.sql", dry);
        Assert.Equal(1, verifyExit);
        Assert.Contains("journal: no script applied; 7 pending from 0001_outlets_and_registers.sql", verify);
        Assert.DoesNotContain(tenant.Password, dry + verify);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("migrate", "--stack", "dev", "--outputs", "x.json")]
    [InlineData("migrate", "--outputs", "/nonexistent/outputs.json")]
    [InlineData("migrate", "--outputs", "x.json", "--on-error", "sometimes")]
    [InlineData("migrate", "--outputs", "x.json", "--per-server", "0")]
    [InlineData("verify", "--outputs", "x.json", "--format", "yaml")]
    public async Task UsageErrorsExitTwo(params string[] args)
    {
        var (exitCode, output) = await TenantDb.RunAsync(args);

        Assert.True(exitCode == 2, output);
        Assert.Contains("error", output);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("{\"tenants\": {")]
    [InlineData("\"tenants\"")]
    public async Task OutputsThatAreNotStackOutputsAtAllExitTwoLikeTruncatedJson(string json)
    {
        var outputs = TenantDb.TempFile(".json");
        Directory.CreateDirectory(Path.GetDirectoryName(outputs)!);
        await File.WriteAllTextAsync(outputs, json);

        var migrate = await TenantDb.RunAsync("migrate", "--outputs", outputs, "--scripts", RepositoryMigrations.Folder);
        var verify = await TenantDb.RunAsync("verify", "--outputs", outputs, "--scripts", RepositoryMigrations.Folder);

        Assert.True(migrate.ExitCode == ExitCodes.Usage, migrate.Output);
        Assert.True(verify.ExitCode == ExitCodes.Usage, verify.Output);
    }

    [Theory]
    [InlineData("migrate", "nothing to migrate")]
    [InlineData("verify", "nothing to verify")]
    public async Task OutputsWithNoTenantSayNothingIsToDoInsteadOfAnEmptyTable(string command, string expected)
    {
        var outputs = TenantDb.WriteOutputs([]);

        var run = await TenantDb.RunAsync(command, "--outputs", outputs, "--scripts", RepositoryMigrations.Folder);
        var json = await TenantDb.RunAsync(command, "--outputs", outputs, "--scripts", RepositoryMigrations.Folder, "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains($"The stack outputs hold no tenant: {expected}.", run.Output);
        Assert.DoesNotContain("0 tenant(s)", run.Output);
        Assert.DoesNotContain("┌", run.Output);
        Assert.Equal(0, JsonDocument.Parse(json.Output).RootElement.GetProperty("tenants").GetArrayLength());
    }
}
