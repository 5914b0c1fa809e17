using System.Diagnostics;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Tests.Preflight;
using TenantDatabases.Operations.Verification;
using TenantDatabases.Testing;
using static TenantDatabases.Operations.Tests.Migrations.MigrationFixtures;

namespace TenantDatabases.Operations.Tests.Migrations;

/// <summary>A server that accepts the TCP connection and never answers fails its tenant within the connect timeout; the others finish.</summary>
public sealed class SilentServerTests(TwoServersFixture servers) : IClassFixture<TwoServersFixture>, IDisposable
{
    private readonly SilentListener silent = new();

    // The connect timeout, plus room for a loaded machine; far below a hang.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(TenantDataSource.ConnectTimeoutSeconds + 15);

    private async Task<(ProvisionedTenant Live, ProvisionedTenant Silent)> TenantsAsync(string prefix)
    {
        var live = await TenantProvisioning.CreateAsync(servers.First, $"{prefix}-live");
        return (live, live with { Id = $"{prefix}-silent", Server = "hung", Port = silent.Port, Database = "tenant_silent", Username = "tenant_silent_owner" });
    }

    [Fact]
    public async Task MigrateFailsTheSilentServersTenantWithinTheConnectTimeoutAndMigratesTheOthers()
    {
        var (live, hung) = await TenantsAsync("mute-migrate");

        var results = await MigrateAsync(Outputs([live, hung]), Settings(Folder(("0001_items.sql", "CREATE TABLE items (id int);"))))
            .WaitAsync(Bound * 2);

        var failed = results.Single(result => result.Tenant.Id == hung.Id);
        Assert.Equal(MigrationStatus.Failed, failed.Status);
        Assert.Contains($"no answer from 127.0.0.1:{silent.Port} (server hung) within {TenantDataSource.ConnectTimeoutSeconds} s", failed.Failure!.Message);
        Assert.Equal(MigrationStatus.Migrated, results.Single(result => result.Tenant.Id == live.Id).Status);
    }

    [Fact]
    public async Task VerifyFailsTheSilentServersTenantWithinTheConnectTimeoutAndChecksTheOthers()
    {
        var (live, hung) = await TenantsAsync("mute-verify");
        var outputs = Outputs([live, hung]);

        var results = await FleetVerification.RunAsync(outputs, outputs.Tenants, RepositoryMigrations.Read(), Limits()).WaitAsync(Bound * 2);

        var failed = results.Single(result => result.Tenant.Id == hung.Id);
        var connect = Assert.Single(failed.Checks);
        Assert.Equal(CheckResult.Connect, connect.Name);
        Assert.False(connect.Passed);
        Assert.Contains($"no answer from 127.0.0.1:{silent.Port} (server hung)", connect.Value);
        // The live tenant was reached and checked (its journal is empty, so that check alone fails).
        var checkedLive = results.Single(result => result.Tenant.Id == live.Id);
        Assert.True(checkedLive.Checks.Single(check => check.Name == CheckResult.Owner).Passed);
    }

    public void Dispose() => silent.Dispose();
}
