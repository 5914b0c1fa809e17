using Npgsql;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;
using static TenantDatabases.Operations.Tests.Migrations.MigrationFixtures;

namespace TenantDatabases.Operations.Tests.Migrations;

/// <summary>A server with TLS on (a self-signed certificate nobody trusts), beside the fixture's two without TLS.</summary>
public sealed class TlsTenantServerFixture : IAsyncLifetime
{
    public TestPostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestPostgresServer.StartAsync("tenant-tls");
        await ServerTls.EnableAsync(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Tenant connections take the sslMode of the tenant's server from the outputs, as preflight's admin connections do.</summary>
public sealed class TenantTlsTests(TwoServersFixture servers, TlsTenantServerFixture tls)
    : IClassFixture<TwoServersFixture>, IClassFixture<TlsTenantServerFixture>
{
    [Theory]
    [InlineData("require", true)]
    [InlineData("disable", false)]
    public async Task ATenantConnectionIsEncryptedExactlyWhenItsServersSslModeAsks(string sslMode, bool encrypted)
    {
        var tenant = await TenantProvisioning.CreateAsync(tls.Server, "tls-shop-" + sslMode);
        var target = Target(tenant with { SslMode = sslMode });

        await using var dataSource = TenantDataSource.Create(target, new TenantLogin(target.Username, tenant.Password, null), "test");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);

        Assert.Equal(encrypted, (bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task MigrateRefusesACertificateNobodyTrustsUnderVerifyFullAndAServerWithoutTlsUnderRequire()
    {
        var selfSigned = await TenantProvisioning.CreateAsync(tls.Server, "tls-untrusted");
        var plain = await TenantProvisioning.CreateAsync(servers.First, "tls-required");
        var trusted = await TenantProvisioning.CreateAsync(tls.Server, "tls-required-ok");
        var outputs = Outputs([
            selfSigned with { Host = "localhost", SslMode = "verify-full" },
            plain with { SslMode = "require" },
            trusted with { SslMode = "require" },
        ]);

        var results = (await MigrateAsync(outputs, Settings(RepositoryMigrations.Read()))).ToDictionary(r => r.Tenant.Id);

        Assert.Equal(MigrationStatus.Failed, results["tls-untrusted"].Status);
        Assert.Matches("(?i)certificate|ssl|tls", results["tls-untrusted"].Failure!.Message);
        Assert.Equal(MigrationStatus.Failed, results["tls-required"].Status);
        Assert.Matches("(?i)ssl|tls", results["tls-required"].Failure!.Message);
        Assert.Equal(MigrationStatus.Migrated, results["tls-required-ok"].Status);
        Assert.True(results["tls-required-ok"].Verification!.Passed, results["tls-required-ok"].Verification!.DescribeFailures());
        Assert.All(results.Values, r => Assert.DoesNotContain(selfSigned.Password, r.Failure?.Message ?? ""));
        Assert.All(results.Values, r => Assert.DoesNotContain(plain.Password, r.Failure?.Message ?? ""));
    }

    private static TenantTarget Target(ProvisionedTenant tenant) => Assert.Single(Outputs([tenant]).Tenants);
}
