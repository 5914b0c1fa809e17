using Npgsql;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>
/// scripts/runbooks/copy-tenant.sh between two real servers, as move-a-tenant.md runs it: the new tenant is
/// deployed and migrated first, the source is made read-only and its sessions ended before the dump, every
/// table's row count is compared, and the source is kept.
/// </summary>
[Collection(RunbookServers.Name)]
public sealed class CopyTenantScriptTests(TwoServersFixture servers) : IDisposable
{
    private const string Script = "copy-tenant.sh";

    private readonly string folder = Directory.CreateTempSubdirectory("tenantdb-copy-").FullName;

    private string WorkDirectory => Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;

    [Fact]
    public async Task TheCopyHoldsEveryRowAndTheSourceIsKeptReadOnly()
    {
        var (source, target) = await PairAsync("moving");
        await using var openSession = new NpgsqlConnection(TenantSql.OwnerConnectionString(source));
        await openSession.OpenAsync();

        var result = await RunAsync(source, target);

        Assert.True(result.ExitCode == 0, RunbookScript.Printed(result));
        Assert.Equal(3, await TenantSql.CountAsync(target, "sales"));
        Assert.Equal(2, await TenantSql.CountAsync(target, "customers"));
        Assert.Equal(1, await TenantSql.CountAsync(target, "tenantdb.schema_journal"));
        Assert.Equal(3, await TenantSql.CountAsync(source, "sales"));
        Assert.Equal("on", await TenantSql.ScalarAsOwnerAsync<string>(source, "SHOW default_transaction_read_only"));
        var write = await Assert.ThrowsAsync<PostgresException>(() => TenantSql.AsOwnerAsync(source, "INSERT INTO customers VALUES (3, 'Eva')"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, write.SqlState);
        // The session opened before the copy was ended: it could otherwise have written after the dump.
        await using var stale = new NpgsqlCommand("INSERT INTO customers VALUES (4, 'Ines')", openSession);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => stale.ExecuteNonQueryAsync());
        Assert.Equal(2, await TenantSql.CountAsync(source, "customers"));
        Assert.Empty(Directory.GetFileSystemEntries(WorkDirectory));
        RunbookScript.AssertNoSecret(result, Secrets(source, target));
    }

    [Fact]
    public async Task ACountThatDiffersFailsTheCopyAndKeepsTheSource()
    {
        var (source, target) = await PairAsync("differing");
        // Something only the new tenant has (say, a table made by hand): the copy cannot be the source.
        await TenantSql.AsOwnerAsync(target, "CREATE TABLE gift_cards (code text PRIMARY KEY)");

        var result = await RunAsync(source, target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("public.gift_cards", result.StandardError);
        Assert.Contains("do not retire", result.StandardError);
        Assert.Equal(3, await TenantSql.CountAsync(source, "sales"));
        Assert.Equal(2, await TenantSql.CountAsync(source, "customers"));
        Assert.Empty(Directory.GetFileSystemEntries(WorkDirectory));
        RunbookScript.AssertNoSecret(result, Secrets(source, target));
    }

    [Fact]
    public async Task SwappedTenantsAreRefusedBeforeAnythingChanges()
    {
        var (source, target) = await PairAsync("swapped");

        var result = await RunAsync(target, source);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already holds data", result.StandardError);
        Assert.Equal(3, await TenantSql.CountAsync(source, "sales"));
        Assert.Equal("off", await TenantSql.ScalarAsOwnerAsync<string>(target, "SHOW default_transaction_read_only"));
        Assert.Equal("off", await TenantSql.ScalarAsOwnerAsync<string>(source, "SHOW default_transaction_read_only"));
        RunbookScript.AssertNoSecret(result, Secrets(source, target));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The source on the first server with rows; the new tenant on the second, migrated the same, empty.
    private async Task<(ProvisionedTenant Source, ProvisionedTenant Target)> PairAsync(string name)
    {
        var source = await TenantProvisioning.CreateAsync(servers.First, TenantSql.NewId(name));
        var target = await TenantProvisioning.CreateAsync(servers.Second, TenantSql.NewId(name + "-2"));
        await TenantSql.AsOwnerAsync(source, TenantSql.MigratedSchema + TenantSql.SomeRows);
        await TenantSql.AsOwnerAsync(target, TenantSql.MigratedSchema);
        return (source, target);
    }

    private async Task<CommandResult> RunAsync(ProvisionedTenant from, ProvisionedTenant to)
    {
        var outputs = Path.Combine(folder, "outputs.json");
        await File.WriteAllTextAsync(outputs, ProvisionedTenant.StackOutputsJson([from, to]));
        try
        {
            return await RunbookScript.RunAsync(Script, ["--outputs", outputs, "--from", from.Id, "--to", to.Id, "--work-dir", WorkDirectory]);
        }
        finally
        {
            File.Delete(outputs);
        }
    }

    private string[] Secrets(params ProvisionedTenant[] tenants) =>
        [servers.First.AdminPassword, servers.Second.AdminPassword, .. tenants.Select(tenant => tenant.Password)];
}
