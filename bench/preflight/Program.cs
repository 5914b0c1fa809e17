using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Testing;

// 7 real servers and 3 loopback listeners that accept and never answer, checked three ways in one run:
//   tenantdb      FleetPreflight, every server at once, each bounded by the timeout;
//   sequential    the same checks one server after another (a Test button pressed per server);
//   naive button  open a connection with Npgsql's defaults (15 s connect timeout), one server after another.
const int RealServers = 7;
const int SilentServers = 3;
var timeout = TimeSpan.FromSeconds(args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5);
const int Rounds = 3;

Console.WriteLine($"Starting {RealServers} PostgreSQL servers and {SilentServers} silent listeners on 127.0.0.1...");
var servers = await Task.WhenAll(Enumerable.Range(1, RealServers).Select(i => TestPostgresServer.StartAsync($"bench{i}")));
var listeners = Enumerable.Range(0, SilentServers).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
listeners.ForEach(listener => listener.Start());
try
{
    var targets = servers.Select(server => Target($"pg-{server.Port}", server.Port, server.AdminPassword))
        .Concat(listeners.Select(listener => Target($"silent-{Port(listener)}", Port(listener), "pw-unused")))
        .ToList();

    var concurrent = new List<double>();
    PreflightReport? last = null;
    for (var round = 0; round < Rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        last = await FleetPreflight.RunAsync("bench", targets, timeout);
        concurrent.Add(clock.Elapsed.TotalSeconds);
    }
    var errors = last!.Servers.Count(server => server.Status == CheckStatus.Error);

    var sequentialClock = Stopwatch.StartNew();
    foreach (var target in targets)
    {
        await new ServerPreflight(target, timeout).RunAsync();
    }
    var sequential = sequentialClock.Elapsed.TotalSeconds;

    var naiveClock = Stopwatch.StartNew();
    foreach (var target in targets)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = target.Server.Host, Port = target.Server.Port, Username = target.Server.Username, Password = target.Password,
                Database = "postgres", SslMode = Npgsql.SslMode.Disable, Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
        }
        catch (NpgsqlException)
        {
            // A failed Test button press; the time it took is what counts.
        }
    }
    var naive = naiveClock.Elapsed.TotalSeconds;

    Console.WriteLine();
    Console.WriteLine($"servers: {targets.Count} ({RealServers} real, {SilentServers} silent); timeout {timeout.TotalSeconds:0.#} s; goal: tenantdb <= {timeout.TotalSeconds + 1:0.#} s");
    Console.WriteLine($"| run | wall (s) | servers reported | servers with errors |");
    Console.WriteLine($"|---|---|---|---|");
    Console.WriteLine($"| tenantdb preflight, concurrent (median of {Rounds}; max) | {concurrent.Order().ElementAt(Rounds / 2):0.00}; {concurrent.Max():0.00} | {last.Servers.Count} | {errors} |");
    Console.WriteLine($"| same checks, one server after another | {sequential:0.00} | {targets.Count} | {errors} |");
    Console.WriteLine($"| naive Test button: Npgsql defaults, one after another | {naive:0.00} | {targets.Count} | - |");
    Console.WriteLine(concurrent.Max() <= timeout.TotalSeconds + 1 ? "GOAL MET" : "GOAL MISSED");
}
finally
{
    listeners.ForEach(listener => listener.Stop());
    foreach (var server in servers)
    {
        await server.DisposeAsync();
    }
}

static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

static PreflightTarget Target(string name, int port, string password) =>
    new(new ServerDefinition(name, "127.0.0.1", port, TestPostgresServer.AdminUser, PasswordSetting.Secure("v1:bench:bench"), "local", false,
        TenantDatabases.Fleet.Model.SslMode.Disable, 100, "postgres"), password, "tenant_", []);
