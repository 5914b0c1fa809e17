using TenantDatabases.Operations.Preflight;
using TenantDatabases.Testing;

namespace TenantDatabases.Operations.Tests.Preflight;

/// <summary>
/// One real server prepared with every condition the preflight must catch (each under its own admin
/// role or database prefix), plus a closed port and a silent listener, all checked in ONE run.
/// </summary>
public sealed class PreflightFleetFixture : IAsyncLifetime
{
    public const string NoCreateDbRole = "admin_without_createdb";
    public const string NoCreateRoleRole = "admin_without_createrole";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public const int OtherSessions = 3;

    private readonly SilentListener silent = new();

    public TestPostgresServer Server { get; private set; } = null!;
    public string NoCreateDbPassword { get; } = "pw-nocreatedb-" + Guid.NewGuid().ToString("N")[..12];
    public string NoCreateRolePassword { get; } = "pw-nocreaterole-" + Guid.NewGuid().ToString("N")[..12];
    public string WrongPassword { get; } = "pw-wrong-" + Guid.NewGuid().ToString("N")[..12];
    public PreflightReport Report { get; private set; } = null!;
    public CapturingLoggerFactory Logs { get; } = new();

    /// <summary>What a server without fault reports: ok, or the version warning on PostgreSQL 13 and 14.</summary>
    public CheckStatus HealthyStatus { get; private set; }

    public IEnumerable<string> Passwords => [Server.AdminPassword, NoCreateDbPassword, NoCreateRolePassword, WrongPassword];

    public ServerReport Of(string name) => Report.Servers.Single(server => server.Server == name);

    public async Task InitializeAsync()
    {
        Server = await TestPostgresServer.StartAsync("preflight");
        var s = Server.Server;
        await s.EnsureLoginRoleAsync(NoCreateDbRole, NoCreateDbPassword, "NOCREATEDB CREATEROLE");
        await s.EnsureLoginRoleAsync(NoCreateRoleRole, NoCreateRolePassword, "CREATEDB NOCREATEROLE");
        foreach (var database in new[] { "full_one", "full_two", "orph_kept", "orph_stray", "tenant_shop" })
        {
            await s.ExecuteAsSuperuserAsync($"CREATE DATABASE {database}");
        }
        var port = Server.Port;
        var user = TestPostgresServer.AdminUser;
        var password = Server.AdminPassword;
        PreflightTarget[] targets =
        [
            LoopbackTargets.On("healthy", port, user, password, declared: ["tenant_shop"]),
            LoopbackTargets.On("no-createdb", port, NoCreateDbRole, NoCreateDbPassword, prefix: "none_"),
            LoopbackTargets.On("no-createrole", port, NoCreateRoleRole, NoCreateRolePassword, prefix: "none_"),
            LoopbackTargets.On("wrong-password", port, user, WrongPassword, prefix: "none_"),
            LoopbackTargets.On("closed-port", FreePort.Next(), user, password),
            LoopbackTargets.On("silent", silent.Port, user, password),
            LoopbackTargets.On("full", port, user, password, prefix: "full_", maxTenants: 2, declared: ["full_one", "full_three"]),
            LoopbackTargets.On("orphans", port, user, password, prefix: "orph_", declared: ["orph_kept"]),
            LoopbackTargets.On("by-name", port, user, password, prefix: "none_", host: "localhost"),
            LoopbackTargets.On("tls-required", port, user, password, prefix: "none_", sslMode: Fleet.Model.SslMode.Require),
            LoopbackTargets.On("tls-preferred", port, user, password, prefix: "none_", sslMode: Fleet.Model.SslMode.Prefer),
        ];
        // Sessions of another role, which a non-superuser admin sees without their details: they still count.
        var others = new List<Npgsql.NpgsqlConnection>();
        for (var i = 0; i < OtherSessions; i++)
        {
            var session = new Npgsql.NpgsqlConnection(s.SuperuserConnectionString());
            await session.OpenAsync();
            others.Add(session);
        }
        HealthyStatus = await Server.VersionNumberAsync() >= ServerStateChecks.RecommendedVersion ? CheckStatus.Ok : CheckStatus.Warning;
        Report = await FleetPreflight.RunAsync("test", targets, Timeout, Logs);
        foreach (var session in others)
        {
            await session.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        silent.Dispose();
        await Server.DisposeAsync();
    }
}
