using System.Net;
using System.Net.Sockets;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Preflight;

/// <summary>A real server, a silent loopback listener, and a stack pointing at both (plus a wrong password).</summary>
public sealed class PreflightCommandFixture : IAsyncLifetime
{
    public const string Passphrase = "preflight-test-passphrase";
    private readonly TcpListener silent = new(IPAddress.Loopback, 0);

    public TestPostgresServer Server { get; private set; } = null!;
    public string WrongPassword { get; } = "pw-wrong-" + Guid.NewGuid().ToString("N")[..12];
    public TestStack Healthy { get; private set; } = null!;
    public TestStack Mixed { get; private set; } = null!;
    public string MixedConfigJson { get; private set; } = null!;
    public IReadOnlyList<string> Passwords => [Server.AdminPassword, WrongPassword, Passphrase];

    /// <summary>The status a faultless server reports: "ok", or "warning" for the version on PostgreSQL 13 and 14.</summary>
    public string HealthyStatus { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Accepts connections into its backlog and never answers.
        silent.Start();
        Server = await TestPostgresServer.StartAsync("cli-preflight");
        HealthyStatus = await Server.VersionNumberAsync() >= 150000 ? "ok" : "warning";
        await Server.Server.ExecuteAsSuperuserAsync("CREATE DATABASE tenant_shop");
        var healthy = new TestStackServer("main", Server.Port, Server.AdminPassword);
        TestStackServer[] mixed =
        [
            healthy,
            new("wrong-password", Server.Port, WrongPassword),
            new("silent", ((IPEndPoint)silent.LocalEndpoint).Port, Server.AdminPassword),
        ];
        var tenants = new Dictionary<string, string> { ["shop"] = "main" };
        Healthy = TestStack.Create("test", Passphrase, [healthy], tenants);
        Mixed = TestStack.Create("test", Passphrase, mixed, tenants);
        MixedConfigJson = TestStack.WriteConfigJson(Mixed.Directory, mixed, tenants);
    }

    public async Task DisposeAsync()
    {
        silent.Stop();
        Healthy.Dispose();
        Mixed.Dispose();
        await Server.DisposeAsync();
    }
}
