using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>
/// scripts/runbooks/drop-retired-tenant.sh on a real server: a tenant retired as the runbook retires it (the
/// admin's membership revoked, as Pulumi does when the tenant leaves the stack; the role NOLOGIN) is dropped
/// only after a final dump that restores, and nothing is dropped when the dump cannot be made.
/// </summary>
[Collection(RunbookServers.Name)]
public sealed class DropRetiredTenantScriptTests(TwoServersFixture servers) : IDisposable
{
    private const string Script = "drop-retired-tenant.sh";

    private readonly string folder = Directory.CreateTempSubdirectory("tenantdb-drop-").FullName;

    private string Dumps => Directory.CreateDirectory(Path.Combine(folder, "dumps")).FullName;

    private TestPostgresServer Server => servers.First;

    [Fact]
    public async Task ARetiredTenantIsDroppedAfterAFinalDumpThatRestores()
    {
        var tenant = await RetiredTenantAsync("leaving");

        var result = await RunAsync(tenant, "--drop");

        Assert.True(result.ExitCode == 0, RunbookScript.Printed(result));
        Assert.False(await DatabaseExistsAsync(tenant));
        Assert.False(await RoleExistsAsync(tenant));
        var dump = Assert.Single(Directory.GetFiles(Dumps));
        Assert.EndsWith(".dump", dump);
        var restored = await TenantProvisioning.CreateAsync(Server, TenantSql.NewId("restored"));
        var restore = await ExternalCommand.RunAsync(RunbookScript.ClientProgram("pg_restore"),
            ["--no-owner", "--no-acl", "--exit-on-error", "--host", restored.Host, "--port", $"{restored.Port}",
             "--username", restored.Username, "--dbname", restored.Database, dump],
            TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["PGPASSWORD"] = restored.Password });
        Assert.True(restore.ExitCode == 0, restore.StandardError);
        Assert.Equal(3, await TenantSql.CountAsync(restored, "sales"));
        Assert.Equal(2, await TenantSql.CountAsync(restored, "customers"));
        RunbookScript.AssertNoSecret(result, [Server.AdminPassword, tenant.Password]);
    }

    [Fact]
    public async Task WithoutDropTheFinalDumpIsMadeAndNothingIsDropped()
    {
        var tenant = await RetiredTenantAsync("keeping");

        var result = await RunAsync(tenant);

        Assert.True(result.ExitCode == 0, RunbookScript.Printed(result));
        Assert.True(await DatabaseExistsAsync(tenant));
        Assert.True(await RoleExistsAsync(tenant));
        Assert.Single(Directory.GetFiles(Dumps, "*.dump"));
    }

    [Fact]
    public async Task WhenTheDumpCannotBeMadeNothingIsDropped()
    {
        var tenant = await RetiredTenantAsync("unreadable");
        // A table the admin may not read, even as a member of the owner role: pg_dump fails on it.
        var stranger = "stranger_" + Guid.NewGuid().ToString("N")[..8];
        await Server.Server.ExecuteAsSuperuserAsync($"CREATE ROLE {stranger} NOLOGIN");
        await Server.Server.ExecuteAsSuperuserAsync(
            $"CREATE TABLE public.not_yours (id int); ALTER TABLE public.not_yours OWNER TO {stranger}", database: tenant.Database);

        var result = await RunAsync(tenant, "--drop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was dropped", result.StandardError);
        Assert.True(await DatabaseExistsAsync(tenant));
        Assert.True(await RoleExistsAsync(tenant));
        Assert.Empty(Directory.GetFiles(Dumps));
        RunbookScript.AssertNoSecret(result, [Server.AdminPassword, tenant.Password]);
    }

    [Fact]
    public async Task ATenantWhoseRoleCanStillLogInIsRefused()
    {
        var deployed = await TenantProvisioning.CreateAsync(Server, TenantSql.NewId("deployed"));
        await TenantSql.AsOwnerAsync(deployed, TenantSql.MigratedSchema + TenantSql.SomeRows);

        var result = await RunAsync(deployed, "--drop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("can still log in", result.StandardError);
        Assert.True(await DatabaseExistsAsync(deployed));
        Assert.Equal(3, await TenantSql.CountAsync(deployed, "sales"));
        Assert.Empty(Directory.GetFiles(Dumps));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // A migrated tenant with rows, retired as the runbook says: Pulumi revoked the admin's membership when the
    // tenant left the stack (the GrantRole was deleted), and the operator set the retained role NOLOGIN.
    private async Task<ProvisionedTenant> RetiredTenantAsync(string name)
    {
        var tenant = await TenantProvisioning.CreateAsync(Server, TenantSql.NewId(name));
        await TenantSql.AsOwnerAsync(tenant, TenantSql.MigratedSchema + TenantSql.SomeRows);
        var role = SqlIdentifier.Quote(tenant.Username);
        await TenantSql.AsAdminAsync(Server, $"REVOKE {role} FROM {TestPostgresServer.AdminUser}");
        await TenantSql.AsAdminAsync(Server, $"ALTER ROLE {role} NOLOGIN");
        return tenant;
    }

    private async Task<CommandResult> RunAsync(ProvisionedTenant tenant, params string[] extra)
    {
        var outputs = Path.Combine(folder, $"outputs-{tenant.Id}.json");
        await File.WriteAllTextAsync(outputs, ProvisionedTenant.StackOutputsJson([tenant]));
        try
        {
            return await RunbookScript.RunAsync(Script, ["--outputs", outputs, "--tenant", tenant.Id, "--dump-dir", Dumps, .. extra],
                new Dictionary<string, string> { ["PGUSER"] = TestPostgresServer.AdminUser, ["PGPASSWORD"] = Server.AdminPassword });
        }
        finally
        {
            File.Delete(outputs);
        }
    }

    private Task<bool> DatabaseExistsAsync(ProvisionedTenant tenant) =>
        TenantSql.ScalarAsAdminAsync<bool>(Server, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", ("name", tenant.Database));

    private Task<bool> RoleExistsAsync(ProvisionedTenant tenant) =>
        TenantSql.ScalarAsAdminAsync<bool>(Server, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @name)", ("name", tenant.Username));
}
