using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Operations.Status;
using TenantDatabases.Operations.Tests.Preflight;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Status;

/// <summary>
/// One status run over a stack of three servers, each with what status must report truthfully: "main", a real server
/// whose tenants stand at every schema level (one the admin is no longer a member of, one declared and missing) beside
/// an orphan with quotes and unicode in its name, filled to its maxTenants; "nostats", a real server where
/// pg_stat_database is not readable by the admin; "silent", a port that accepts connections and never answers.
/// </summary>
public sealed class StatusFleetFixture : IAsyncLifetime
{
    public const string Passphrase = "status-test-passphrase";
    public const string HostileOrphan = "tenant_o'brien \"ü\" ✓";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly SilentListener silent = new();
    private TestStack stack = null!;

    public TestPostgresServer Main { get; private set; } = null!;
    public TestPostgresServer NoStats { get; private set; } = null!;
    public IReadOnlyList<MigrationScript> Scripts { get; private set; } = [];
    public StatusResult Result { get; private set; } = null!;
    public List<string> Passwords { get; } = [Passphrase];

    public ServerStatus Server(string name) => Result.Servers.Single(server => server.Server.Name == name);

    public TenantStatus Tenant(string id) => Result.Tenants.Single(tenant => tenant.Id == id);

    public async Task InitializeAsync()
    {
        var servers = await Task.WhenAll(TestPostgresServer.StartAsync("status-main"), TestPostgresServer.StartAsync("status-nostats"));
        (Main, NoStats) = (servers[0], servers[1]);
        Passwords.AddRange([Main.AdminPassword, NoStats.AdminPassword]);
        var tenants = new Dictionary<string, string>
        {
            ["shop-latest"] = "main", ["shop-behind"] = "main", ["shop-fresh"] = "main", ["shop-locked"] = "main", ["shop-missing"] = "main",
            ["shop-other"] = "nostats",
        };
        stack = TestStack.Create("test", Passphrase,
            [new("main", Main.Port, Main.AdminPassword, MaxTenants: 6), new("nostats", NoStats.Port, NoStats.AdminPassword, MaxTenants: 10),
             new("silent", silent.Port, "pw-silent-unused", MaxTenants: 10)], tenants);
        Scripts = TenantJournals.WriteScripts(stack.Directory, 3);

        var latest = await TenantProvisioning.CreateAsync(Main, "shop-latest");
        await TenantJournals.WriteAsync(latest, Scripts);
        var behind = await TenantProvisioning.CreateAsync(Main, "shop-behind");
        await TenantJournals.WriteAsync(behind, Scripts.Take(1));
        var fresh = await TenantProvisioning.CreateAsync(Main, "shop-fresh");
        var locked = await TenantProvisioning.CreateAsync(Main, "shop-locked");
        await TenantJournals.WriteAsync(locked, Scripts);
        Passwords.AddRange([latest.Password, behind.Password, fresh.Password, locked.Password]);
        await Main.Server.ExecuteAsSuperuserAsync($"REVOKE {SqlIdentifier.Quote(locked.Username)} FROM {SqlIdentifier.Quote(TestPostgresServer.AdminUser)}");
        await Main.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE {SqlIdentifier.Quote(HostileOrphan)}");

        var other = await TenantProvisioning.CreateAsync(NoStats, "shop-other");
        await TenantJournals.WriteAsync(other, Scripts);
        Passwords.Add(other.Password);
        // As a managed service may: the statistics views are for pg_monitor only.
        await NoStats.Server.ExecuteAsSuperuserAsync("REVOKE SELECT ON pg_catalog.pg_stat_database FROM PUBLIC; GRANT SELECT ON pg_catalog.pg_stat_database TO pg_monitor");

        Result = await StatusRun.RunAsync(new StatusRequest("test", stack.Directory, Timeout, TimeSpan.FromSeconds(1), SchemaLevels: true),
            name => name == "PULUMI_CONFIG_PASSPHRASE" ? Passphrase : null, null, RunCancellation.None);
    }

    public async Task DisposeAsync()
    {
        silent.Dispose();
        stack.Dispose();
        await Main.DisposeAsync();
        await NoStats.DisposeAsync();
    }
}
