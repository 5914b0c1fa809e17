using Npgsql;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>
/// scripts/runbooks/hand-over-tenant.sh on a real server: an adopted database the admin owns, after the deploy that
/// handed it over (its role created, the admin a member of it, the database its), has every object in it moved to the
/// role, and nothing the admin owns anywhere else: not another database, not the objects in it.
/// </summary>
[Collection(RunbookServers.Name)]
public sealed class HandOverTenantScriptTests(TwoServersFixture servers) : IDisposable
{
    private const string Script = "hand-over-tenant.sh";

    // What an application that logged in as the admin created over the years: every kind of object the script moves.
    private const string LegacySchema =
        """
        CREATE SCHEMA app;
        CREATE TYPE app.mood AS ENUM ('ok', 'sad');
        CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (a int, b int);
        CREATE TABLE app.items (id serial PRIMARY KEY, amount app.positive, mood app.mood);
        CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item int REFERENCES app.items);
        CREATE SEQUENCE invoice_numbers;
        CREATE VIEW item_view AS SELECT id FROM app.items;
        CREATE MATERIALIZED VIEW item_totals AS SELECT count(*) AS n FROM app.items;
        CREATE FUNCTION app.double(x int) RETURNS int LANGUAGE sql AS 'SELECT 2 * x';
        CREATE PROCEDURE app.touch() LANGUAGE sql AS 'SELECT 1';
        CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int);
        INSERT INTO app.items (amount, mood) VALUES (1, 'ok'), (2, 'sad');
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("tenantdb-handover-").FullName;

    private TestPostgresServer Server => servers.Second;

    [Fact]
    public async Task EveryObjectInTheTenantsDatabaseMovesToItsRoleAndNothingTheAdminOwnsElsewhere()
    {
        var (database, role, other) = await HandedOverAsync("moving");

        var listed = await RunAsync(database, role);
        Assert.True(listed.ExitCode == 0, RunbookScript.Printed(listed));
        Assert.Contains($"move to {role}: table app.items", listed.StandardOutput);
        Assert.Contains($"move to {role}: function app.double(integer)", listed.StandardOutput);
        Assert.Contains("nothing was changed", listed.StandardOutput);
        Assert.Equal(TestPostgresServer.AdminUser, await OwnerAsync(database, "app.items"));

        var moved = await RunAsync(database, role, "--apply");

        Assert.True(moved.ExitCode == 0, RunbookScript.Printed(moved));
        Assert.Contains("owns nothing there any more", moved.StandardOutput);
        Assert.Equal("", await Server.ScalarAsSuperuserAsync<string>(database, AdminOwnedSql) ?? "");
        foreach (var table in new[] { "app.items", "orders", "invoice_numbers", "item_view", "item_totals", "app.items_id_seq" })
        {
            Assert.Equal(role, await OwnerAsync(database, table));
        }
        Assert.Equal(2L, await CountAsync(database, "SELECT count(*) FROM app.items"));
        // The admin's other database, and what is in it, are still the admin's.
        Assert.Equal(TestPostgresServer.AdminUser, await Server.ScalarAsSuperuserAsync<string>("postgres", "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = @p", other));
        Assert.Equal(TestPostgresServer.AdminUser, await OwnerAsync(other, "kept"));
        RunbookScript.AssertNoSecret(moved, [Server.AdminPassword]);
    }

    [Fact]
    public async Task BeforeTheHandoverDeployTheScriptRefusesAndChangesNothing()
    {
        var database = "legacy_" + Guid.NewGuid().ToString("N")[..8];
        await TenantSql.AsAdminAsync(Server, $"CREATE DATABASE {database}");
        await AsAdminAsync(database, LegacySchema);

        var result = await RunAsync(database, database + "_owner", "--apply");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("deploy the handover first", result.StandardError);
        Assert.Equal(TestPostgresServer.AdminUser, await OwnerAsync(database, "app.items"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string AdminOwnedSql =
        """
        SELECT string_agg(pg_describe_object(s.classid, s.objid, 0), ', ') FROM pg_shdepend s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.deptype = 'o'
          AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = 'provisioner')
        """;

    // The admin page's database, then what the handover deploy does: the program's role, the admin's membership in it
    // (a GrantRole), and ALTER DATABASE ... OWNER TO it. Beside it, another database of the admin's, with a table.
    private async Task<(string Database, string Role, string Other)> HandedOverAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (database, other) = ($"{name}_{suffix}", $"other_{suffix}");
        var role = $"tenant_{name}_{suffix}_owner";
        await TenantSql.AsAdminAsync(Server, $"CREATE DATABASE {database}");
        await TenantSql.AsAdminAsync(Server, $"CREATE DATABASE {other}");
        await AsAdminAsync(database, LegacySchema);
        await AsAdminAsync(other, "CREATE TABLE kept (n int)");
        await TenantSql.AsAdminAsync(Server, $"CREATE ROLE {role} LOGIN PASSWORD 'unused-{suffix}'");
        await TenantSql.AsAdminAsync(Server, $"GRANT {role} TO {TestPostgresServer.AdminUser}");
        await TenantSql.AsAdminAsync(Server, $"ALTER DATABASE {database} OWNER TO {role}");
        return (database, role, other);
    }

    private async Task<CommandResult> RunAsync(string database, string role, params string[] extra)
    {
        var tenant = new ProvisionedTenant("legacy-shop", Server.Name, "local", "127.0.0.1", Server.Port, database, role, "");
        var outputs = Path.Combine(folder, $"outputs-{database}.json");
        await File.WriteAllTextAsync(outputs, ProvisionedTenant.StackOutputsJson([tenant]));
        return await RunbookScript.RunAsync(Script, ["--outputs", outputs, "--tenant", tenant.Id, .. extra],
            new Dictionary<string, string> { ["PGUSER"] = TestPostgresServer.AdminUser, ["PGPASSWORD"] = Server.AdminPassword });
    }

    private async Task AsAdminAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(Server.AdminConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<string> OwnerAsync(string database, string relation) =>
        Server.ScalarAsSuperuserAsync<string>(database, "SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE oid = to_regclass(@p)", relation);

    private Task<long> CountAsync(string database, string sql) => Server.ScalarAsSuperuserAsync<long>(database, sql);
}
