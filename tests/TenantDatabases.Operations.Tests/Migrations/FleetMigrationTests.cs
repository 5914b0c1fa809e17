using Npgsql;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Verification;
using TenantDatabases.Testing;
using static TenantDatabases.Operations.Tests.Migrations.MigrationFixtures;

namespace TenantDatabases.Operations.Tests.Migrations;

public sealed class FleetMigrationTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>
{
    [Fact]
    public async Task FreshFleetOnTwoServersMigratesAsOwnerAndASecondRunAppliesNothing()
    {
        var tenants = new[]
        {
            await TenantProvisioning.CreateAsync(servers.First, "fresh-bakery"),
            await TenantProvisioning.CreateAsync(servers.First, "fresh-coffee"),
            await TenantProvisioning.CreateAsync(servers.Second, "fresh-books"),
        };
        var outputs = Outputs(tenants);
        var scripts = RepositoryMigrations.Read();

        var first = await MigrateAsync(outputs, Settings(scripts));

        Assert.All(first, result =>
        {
            Assert.Equal(MigrationStatus.Migrated, result.Status);
            Assert.Equal(scripts.All.Select(s => s.Name), result.Applied.Select(a => a.Name));
            Assert.True(result.Verification!.Passed, result.Verification.DescribeFailures());
        });
        foreach (var tenant in tenants)
        {
            var server = tenant.Server == servers.First.Name ? servers.First : servers.Second;
            Assert.Equal(0L, await QueryAsync<long>(server, tenant.Database,
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'tenantdb') AND c.relowner <> (SELECT datdba FROM pg_database WHERE datname = current_database())"));
            Assert.Equal(12L, await QueryAsync<long>(server, tenant.Database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            Assert.True(await QueryAsync<bool>(server, tenant.Database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'sales_customer_idx'::regclass"));
            Assert.Equal((long)scripts.All.Count, await QueryAsync<long>(server, tenant.Database, "SELECT count(*) FROM tenantdb.schema_journal"));
        }

        var second = await MigrateAsync(outputs, Settings(scripts));

        Assert.All(second, result =>
        {
            Assert.Equal(MigrationStatus.UpToDate, result.Status);
            Assert.Empty(result.Applied);
            Assert.True(result.Succeeded);
        });
    }

    [Fact]
    public async Task ATenantLogsInOnceWhetherItIsMigratedOrAlreadyUpToDate()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "one-login-shop");
        var outputs = Outputs([tenant]);
        var scripts = RepositoryMigrations.Read();
        var before = await FinishedSessionsAsync(servers.Second, tenant.Database);

        var migrated = Assert.Single(await MigrateAsync(outputs, Settings(scripts)));
        var afterMigration = await FinishedSessionsAsync(servers.Second, tenant.Database);
        var upToDate = Assert.Single(await MigrateAsync(outputs, Settings(scripts)));
        var afterRerun = await FinishedSessionsAsync(servers.Second, tenant.Database);

        Assert.Equal(MigrationStatus.Migrated, migrated.Status);
        Assert.True(migrated.Verification!.Passed, migrated.Verification.DescribeFailures());
        Assert.Equal(MigrationStatus.UpToDate, upToDate.Status);
        Assert.Equal(1L, afterMigration - before);
        Assert.Equal(1L, afterRerun - afterMigration);
    }

    [Fact]
    public async Task AScriptPastTheStatementTimeoutIsCancelledByTheServerAndLeavesTheTenantAtItsPreviousScript()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "slow-shop");
        var scripts = Folder(
            ("0001_items.sql", "CREATE TABLE items (id int);"),
            ("0002_slow.sql", "CREATE TABLE slow (id int); SELECT pg_sleep(5);"));
        var settings = new MigrationSettings(scripts, MigrationSettings.DefaultLockTimeout, TimeSpan.FromSeconds(1), DryRun: false);

        var result = Assert.Single(await MigrateAsync(Outputs([tenant]), settings));

        Assert.Equal(MigrationStatus.Failed, result.Status);
        Assert.Equal(["0001_items.sql"], result.Applied.Select(a => a.Name));
        Assert.Equal("0002_slow.sql", result.Failure!.Script);
        Assert.Equal("57014", result.Failure.SqlState);
        Assert.Equal("0001_items.sql", await QueryAsync<string>(servers.First, tenant.Database, "SELECT string_agg(script_name, ',') FROM tenantdb.schema_journal"));
        Assert.True(await QueryAsync<bool>(servers.First, tenant.Database, "SELECT to_regclass('slow') IS NULL"));
    }

    [Fact]
    public async Task DryRunListsPendingScriptsAndWritesNothingNotEvenTheJournal()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "dry-deli");
        var scripts = RepositoryMigrations.Read();

        var result = Assert.Single(await MigrateAsync(Outputs([tenant]), Settings(scripts, dryRun: true)));

        Assert.Equal(MigrationStatus.Pending, result.Status);
        Assert.Equal(scripts.All.Select(s => s.Name), result.Pending);
        Assert.Null(result.Verification);
        Assert.Equal(0L, await QueryAsync<long>(servers.Second, tenant.Database,
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"));
        Assert.Equal(0L, await QueryAsync<long>(servers.Second, tenant.Database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'tenantdb'"));
    }

    [Fact]
    public async Task AFailingScriptLeavesThatTenantAtItsPreviousScriptAndTheOthersFinish()
    {
        var good = await TenantProvisioning.CreateAsync(servers.First, "fail-good");
        var bad = await TenantProvisioning.CreateAsync(servers.First, "fail-bad");
        var scripts = Folder(
            ("0001_items.sql", "CREATE TABLE items (id int PRIMARY KEY);"),
            ("0002_fails_on_one.sql", $$"""
                CREATE TABLE extras (id int);
                DO $check$ BEGIN
                  IF current_database() = '{{bad.Database}}' THEN RAISE EXCEPTION 'no extras here' USING ERRCODE = '22023'; END IF;
                END $check$;
                """),
            ("0003_more.sql", "CREATE TABLE more (id int);"));

        var results = await MigrateAsync(Outputs([good, bad]), Settings(scripts));

        var failed = results.Single(r => r.Tenant.Id == bad.Id);
        Assert.Equal(MigrationStatus.Failed, failed.Status);
        Assert.Equal("0002_fails_on_one.sql", failed.Failure!.Script);
        Assert.Equal("22023", failed.Failure.SqlState);
        Assert.Contains("no extras here", failed.Failure.Message);
        Assert.Equal(["0001_items.sql"], failed.Applied.Select(a => a.Name));
        Assert.Equal("0001_items.sql", await QueryAsync<string>(servers.First, bad.Database, "SELECT string_agg(script_name, ',') FROM tenantdb.schema_journal"));
        Assert.True(await QueryAsync<bool>(servers.First, bad.Database, "SELECT to_regclass('extras') IS NULL"));
        Assert.Equal(MigrationStatus.Migrated, results.Single(r => r.Tenant.Id == good.Id).Status);
        Assert.Equal(3L, await QueryAsync<long>(servers.First, good.Database, "SELECT count(*) FROM tenantdb.schema_journal"));
    }

    [Fact]
    public async Task AnAppliedScriptEditedAfterwardsIsRefusedWithItsNameAndWhenItWasApplied()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "edited-shop");
        var original = Folder(("0001_items.sql", "CREATE TABLE items (id int);"));
        Assert.Equal(MigrationStatus.Migrated, Assert.Single(await MigrateAsync(Outputs([tenant]), Settings(original))).Status);
        var edited = Folder(("0001_items.sql", "CREATE TABLE items (id bigint);"), ("0002_more.sql", "CREATE TABLE more (id int);"));

        var result = Assert.Single(await MigrateAsync(Outputs([tenant]), Settings(edited)));

        Assert.Equal(MigrationStatus.Failed, result.Status);
        Assert.Equal("0001_items.sql", result.Failure!.Script);
        Assert.Contains("0001_items.sql was applied on " + DateTime.UtcNow.ToString("yyyy-MM-dd"), result.Failure.Message);
        Assert.Equal(1L, await QueryAsync<long>(servers.Second, tenant.Database, "SELECT count(*) FROM tenantdb.schema_journal"));
        Assert.True(await QueryAsync<bool>(servers.Second, tenant.Database, "SELECT to_regclass('more') IS NULL"));
    }

    [Fact]
    public async Task DollarQuotedBodiesReachTheServerUnchanged()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.First, "dollar-shop");
        var scripts = Folder(("0001_function.sql", """
            CREATE FUNCTION greeting() RETURNS text LANGUAGE sql AS $body$ SELECT '$name$ and $schema$.x stay' $body$;
            """));

        Assert.Equal(MigrationStatus.Migrated, Assert.Single(await MigrateAsync(Outputs([tenant]), Settings(scripts))).Status);
        Assert.Equal("$name$ and $schema$.x stay", await QueryAsync<string>(servers.First, tenant.Database, "SELECT greeting()"));
    }

    [Fact]
    public async Task VerifyFailsWhenPublicCanConnectOrScriptsArePending()
    {
        var tenant = await TenantProvisioning.CreateAsync(servers.Second, "verify-open");
        await servers.Second.Server.ExecuteAsSuperuserAsync($"GRANT CONNECT ON DATABASE {tenant.Database} TO PUBLIC");
        var outputs = Outputs([tenant]);

        var verification = await TenantVerifier.VerifyAsync(outputs.Tenants[0], outputs.Passwords.LoginFor(outputs.Tenants[0])!, RepositoryMigrations.Read());

        Assert.False(verification.Passed);
        Assert.Contains(verification.Checks, c => c is { Name: CheckResult.PublicConnect, Passed: false });
        // The fix names the database, so that it can be run as printed.
        Assert.Contains(verification.Checks, c => c.Name == CheckResult.PublicConnect
            && c.Value.EndsWith($"run REVOKE CONNECT ON DATABASE \"{tenant.Database}\" FROM PUBLIC", StringComparison.Ordinal));
        Assert.Contains(verification.Checks, c => c is { Name: CheckResult.Journal, Passed: false } && c.Value.Contains("pending"));
        Assert.Contains(verification.Checks, c => c is { Name: CheckResult.Owner, Passed: true });
        Assert.Contains(verification.Checks, c => c is { Name: CheckResult.Recovery, Passed: true });
    }

    // pg_stat_database counts a session when its backend exits, so it is read (from another database) once no
    // backend is left in the tenant's.
    private static async Task<long> FinishedSessionsAsync(TestPostgresServer server, string database)
    {
        await using var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString());
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = @db), (SELECT sessions FROM pg_stat_database WHERE datname = @db)", connection);
            command.Parameters.AddWithValue("db", database);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetInt64(0) == 0)
            {
                return reader.GetInt64(1);
            }
            await Task.Delay(25);
        }
        throw new InvalidOperationException($"a session in {database} did not end");
    }
}
