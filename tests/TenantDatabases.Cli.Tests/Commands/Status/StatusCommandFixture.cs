using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands.Status;

/// <summary>
/// A stack of two real servers, one of them stopped: "main" holds a tenant at the newest script, one behind, one
/// declared whose database is missing, and an orphan, which fill it to its maxTenants; "down" is stopped. A second
/// project holds a healthy stack on "main" alone.
/// </summary>
public sealed class StatusCommandFixture : IAsyncLifetime
{
    public const string Passphrase = "status-command-passphrase";

    public TestPostgresServer Main { get; private set; } = null!;
    public TestPostgresServer Down { get; private set; } = null!;
    public TestStack Fleet { get; private set; } = null!;
    public TestStack Healthy { get; private set; } = null!;
    public List<string> Secrets { get; } = [Passphrase];

    public async Task InitializeAsync()
    {
        var servers = await Task.WhenAll(TestPostgresServer.StartAsync("status-cli-main"), TestPostgresServer.StartAsync("status-cli-down"));
        (Main, Down) = (servers[0], servers[1]);
        var down = Down;
        Secrets.AddRange([Main.AdminPassword, down.AdminPassword]);
        Fleet = TestStack.Create("test", Passphrase,
            [new("main", Main.Port, Main.AdminPassword, MaxTenants: 4), new("down", down.Port, down.AdminPassword, MaxTenants: 10)],
            new Dictionary<string, string> { ["shop-latest"] = "main", ["shop-behind"] = "main", ["shop-missing"] = "main", ["shop-down"] = "down" });
        Healthy = TestStack.Create("test", Passphrase, [new("main", Main.Port, Main.AdminPassword, MaxTenants: 50)],
            new Dictionary<string, string> { ["shop-latest"] = "main", ["shop-behind"] = "main" });
        var scripts = TenantJournals.WriteScripts(Fleet.Directory, 3);
        TenantJournals.WriteScripts(Healthy.Directory, 3);

        var latest = await TenantProvisioning.CreateAsync(Main, "shop-latest");
        await TenantJournals.WriteAsync(latest, scripts);
        var behind = await TenantProvisioning.CreateAsync(Main, "shop-behind");
        await TenantJournals.WriteAsync(behind, scripts.Take(2));
        Secrets.AddRange([latest.Password, behind.Password]);
        await Main.Server.ExecuteAsSuperuserAsync("CREATE DATABASE tenant_stray");
        await down.Server.StopAsync();
    }

    public async Task DisposeAsync()
    {
        Fleet.Dispose();
        Healthy.Dispose();
        await Main.DisposeAsync();
        await Down.DisposeAsync();
    }
}
