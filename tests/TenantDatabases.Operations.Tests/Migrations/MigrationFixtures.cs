using Npgsql;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.Migrations;

/// <summary>Scripts, outputs and queries the migration tests share.</summary>
internal static class MigrationFixtures
{
    public static MigrationScripts Folder(params (string Name, string Sql)[] scripts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, sql) in scripts)
        {
            File.WriteAllText(Path.Combine(folder, name), sql);
        }
        var read = MigrationScripts.FromFolder(folder);
        Assert.Empty(read.Problems);
        Assert.True(read.IsValid);
        return read.Scripts;
    }

    public static MigrationSettings Settings(MigrationScripts scripts, bool dryRun = false, double lockTimeoutSeconds = 60) =>
        new(scripts, TimeSpan.FromSeconds(lockTimeoutSeconds), MigrationSettings.DefaultStatementTimeout, dryRun);

    public static FanOutOptions Limits(int parallel = 8, int perServer = 10, OnError onError = OnError.Continue, int canary = 0) =>
        new(parallel, perServer, onError, canary);

    public static TenantConnections Outputs(IEnumerable<ProvisionedTenant> tenants)
    {
        var result = StackOutputsReader.Read(ProvisionedTenant.StackOutputsJson(tenants), "test outputs");
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        return result.Connections;
    }

    public static Task<IReadOnlyList<TenantMigrationResult>> MigrateAsync(
        TenantConnections outputs, MigrationSettings settings, FanOutOptions? limits = null) =>
        FleetMigration.RunAsync(outputs, outputs.Tenants, settings, limits ?? Limits());

    public static async Task<T> QueryAsync<T>(TestPostgresServer server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static TestPostgresServer ServerOf(TwoServersFixture servers, TenantTarget tenant) =>
        tenant.Server == servers.First.Name ? servers.First : servers.Second;
}
