using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Preflight;

/// <summary>A server with TLS on (a self-signed certificate), checked once with the sslModes that accept and refuse it.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private TestPostgresServer server = null!;

    public PreflightReport Report { get; private set; } = null!;

    public string Password => server.AdminPassword;

    public async Task InitializeAsync()
    {
        server = await TestPostgresServer.StartAsync("tls");
        await ServerTls.EnableAsync(server);
        PreflightTarget[] targets =
        [
            LoopbackTargets.On("require", server.Port, TestPostgresServer.AdminUser, server.AdminPassword, sslMode: SslMode.Require),
            LoopbackTargets.On("verify-full", server.Port, TestPostgresServer.AdminUser, server.AdminPassword, host: "localhost", sslMode: SslMode.VerifyFull),
        ];
        Report = await FleetPreflight.RunAsync("tls", targets, TimeSpan.FromSeconds(5));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}

public sealed class TlsPreflightTests(TlsServerFixture tls) : IClassFixture<TlsServerFixture>
{

    [Fact]
    public void RequireConnectsEncryptedAndPasses()
    {
        var required = tls.Report.Servers.Single(s => s.Server == "require");

        Assert.Equal(CheckStatus.Ok, required.Status);
        Assert.Contains("Encrypted with TLS", required.Find(CheckNames.Tls)!.Message);
    }

    [Fact]
    public void VerifyFullRefusesACertificateNobodyTrustsInTheTlsCheck()
    {
        var check = tls.Report.Servers.Single(s => s.Server == "verify-full").Checks.Last();

        Assert.Equal((CheckNames.Tls, CheckStatus.Error), (check.Name, check.Status));
        Assert.Contains("sslMode verify-full", check.Message);
        Assert.Contains("certificate", check.Message);
        Assert.DoesNotContain(tls.Password, check.Message + check.Fix);
    }
}
