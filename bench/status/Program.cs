using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using StatusBenchmark;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Scripts;
using TenantDatabases.Testing;

// tenantdb status beside tenantdb preflight, on the same servers and in the same run, each a whole process:
//   one server of 2,000 tenant databases (each with a journal at the newest script of migrations/): preflight, status
//   without and with its sample window, and status with every tenant's schema level (JSON); beside them the start-up
//   of the tool (--help) and the floor of a schema level, an admin login to every tenant database (plain Npgsql, 10 at once);
//   50 servers of which 3 accept connections and never answer: preflight, and status without and with its window.
// Usage: bench/status/run.sh [tenants=2000] [servers=50] [silent=3] [timeout=5] [sample=3] [rounds=3]
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var tenantCount = Arg(0, 2000);
var serverCount = Arg(1, 50);
var silentCount = Arg(2, 3);
var timeout = Arg(3, 5);
var sample = Arg(4, 3);
var rounds = Arg(5, 3);
const string Passphrase = "bench-status-passphrase";
var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE"] = Passphrase };
string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
var runs = new List<ToolRun>();

Console.WriteLine($"One server, {tenantCount} tenant databases");
await using (var server = await TestPostgresServer.StartAsync("bench-status"))
{
    var clock = Stopwatch.StartNew();
    var ids = Enumerable.Range(1, tenantCount).Select(i => $"shop-{i:0000}").ToList();
    var scripts = RepositoryMigrations.Read();
    await TenantCopies.CreateAsync(server, ids, scripts);
    Console.WriteLine($"  {tenantCount} tenant databases (owner role, admin membership, no PUBLIC access, journal at {scripts.Latest?.Name}) in {clock.Elapsed.TotalSeconds:0} s");
    using var stack = TestStack.Create("bench", Passphrase, [new("big", server.Port, server.AdminPassword, MaxTenants: tenantCount * 2)],
        ids.ToDictionary(id => id, _ => "big"));
    RepositoryMigrations.CopyTo(stack.Directory);
    string[] On(params string[] words) => [.. words, "--stack", "bench", "--cwd", stack.Directory, "--timeout", Text(timeout)];
    for (var round = 1; round <= rounds; round++)
    {
        Console.WriteLine($" round {round}");
        runs.Add(await ToolRun.RunAsync("baseline: tenantdb --help", environment, "--help"));
        runs.Add(await ToolRun.RunAsync("tenantdb preflight, 1 server", environment, On("preflight")));
        runs.Add(await ToolRun.RunAsync("tenantdb status --sample 0, 1 server", environment, On("status", "--sample", "0")));
        runs.Add(await ToolRun.RunAsync($"tenantdb status (sample {sample} s), 1 server", environment, On("status", "--sample", Text(sample))));
        runs.Add(await ToolRun.RunAsync("tenantdb status --format json --sample 0 (every schema level), 1 server", environment,
            On("status", "--format", "json", "--sample", "0")));
        var floor = Stopwatch.StartNew();
        await AdminLogins.EveryDatabaseAsync(server, ids);
        runs.Add(new ToolRun($"floor: {tenantCount} admin logins, plain Npgsql, {FanOutOptions.DefaultPerServer} at once (in-process)", floor.Elapsed.TotalSeconds, 0, 0, 0, ""));
        Console.WriteLine($"  {runs[^1].Label}: {runs[^1].Seconds:0.00} s");
    }
    var json = runs.Last(run => run.Label.Contains("json", StringComparison.Ordinal)).Output;
    Console.WriteLine($"  last JSON: {json.Split("\"state\": \"latest\"").Length - 1} tenants at the latest script, exit {runs.Last(run => run.Label.Contains("json", StringComparison.Ordinal)).ExitCode}");
}

Console.WriteLine($"{serverCount} servers, {silentCount} of which never answer");
var gate = new SemaphoreSlim(8);
var servers = await Task.WhenAll(Enumerable.Range(1, serverCount - silentCount).Select(async i =>
{
    await gate.WaitAsync();
    try
    {
        return await TestPostgresServer.StartAsync($"bench-fleet{i}");
    }
    finally
    {
        gate.Release();
    }
}));
var listeners = Enumerable.Range(0, silentCount).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
listeners.ForEach(listener => listener.Start()); // the kernel accepts into the backlog; nothing ever answers
try
{
    using var fleet = TestStack.Create("fleet", Passphrase,
        [.. servers.Select(server => new TestStackServer($"pg-{server.Port}", server.Port, server.AdminPassword)),
         .. listeners.Select(listener => new TestStackServer($"silent-{((IPEndPoint)listener.LocalEndpoint).Port}", ((IPEndPoint)listener.LocalEndpoint).Port, "pw-unused"))]);
    TenantJournals.WriteScripts(fleet.Directory, 1);
    string[] On(params string[] words) => [.. words, "--stack", "fleet", "--cwd", fleet.Directory, "--timeout", Text(timeout)];
    for (var round = 1; round <= rounds; round++)
    {
        Console.WriteLine($" round {round}");
        runs.Add(await ToolRun.RunAsync($"tenantdb preflight, {serverCount} servers", environment, On("preflight")));
        runs.Add(await ToolRun.RunAsync($"tenantdb status --sample 0, {serverCount} servers", environment, On("status", "--sample", "0")));
        runs.Add(await ToolRun.RunAsync($"tenantdb status (sample {sample} s), {serverCount} servers", environment, On("status", "--sample", Text(sample))));
    }
    Console.WriteLine("  last status: " + runs[^1].Output.Split('\n').Last(line => line.Contains("server(s):", StringComparison.Ordinal)));
}
finally
{
    listeners.ForEach(listener => listener.Stop());
    foreach (var server in servers)
    {
        await server.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine($"{tenantCount} tenants; {serverCount} servers ({silentCount} silent); timeout {timeout} s; sample {sample} s; {rounds} rounds; {Environment.ProcessorCount} cores");
Console.WriteLine("| process | wall (s, median; max) | CPU user+sys (s, median) | peak RSS (MB, max) | exit |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var group in runs.GroupBy(run => run.Label))
{
    var walls = group.Select(run => run.Seconds).Order().ToList();
    var cpus = group.Select(run => run.CpuSeconds).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {group.Key} | {walls[walls.Count / 2]:0.00}; {walls[^1]:0.00} | {(cpus[^1] > 0 ? cpus[cpus.Count / 2].ToString("0.00", CultureInfo.InvariantCulture) : "-")} | " +
        $"{(group.Max(run => run.PeakMegabytes) is var peak and > 0 ? peak.ToString("0", CultureInfo.InvariantCulture) : "-")} | {string.Join(",", group.Select(run => run.ExitCode).Distinct())} |"));
}

/// <summary>
/// Tenant databases as the Pulumi program declares them (an owner role granted to the admin, the database owned by
/// it, no PUBLIC access), copied from one template that holds a journal at the newest script, so that creating
/// thousands takes minutes rather than hours. The journal is owned by the template's owner role, which the admin is a
/// member of too, as it is of every tenant's.
/// </summary>
internal static class TenantCopies
{
    private const string Template = "bench_template", TemplateOwner = "bench_template_owner";

    public static async Task CreateAsync(TestPostgresServer server, IReadOnlyList<string> ids, MigrationScripts scripts)
    {
        var admin = SqlIdentifier.Quote(TestPostgresServer.AdminUser);
        await server.Server.ExecuteAsSuperuserAsync(
            $"CREATE ROLE {TemplateOwner} NOLOGIN; GRANT {TemplateOwner} TO {admin}");
        await server.Server.ExecuteAsSuperuserAsync($"CREATE DATABASE {Template} OWNER {TemplateOwner} TEMPLATE template0");
        await using (var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString(Template)))
        {
            await connection.OpenAsync();
            await using (var role = new NpgsqlCommand($"SET ROLE {TemplateOwner}", connection))
            {
                await role.ExecuteNonQueryAsync();
            }
            await SchemaJournal.EnsureAsync(connection, CancellationToken.None);
            foreach (var script in scripts.All)
            {
                await using var insert = new NpgsqlCommand(SchemaJournal.InsertSql, connection);
                insert.Parameters.AddWithValue("name", script.Name);
                insert.Parameters.AddWithValue("sha256", script.Sha256);
                insert.Parameters.AddWithValue("in_transaction", script.RunsInTransaction);
                await insert.ExecuteNonQueryAsync();
            }
        }
        // Four connections at once: CREATE DATABASE copies files, and one session alone leaves the disk idle between them.
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString());
            await connection.OpenAsync();
            for (var index = Interlocked.Increment(ref next); index < ids.Count; index = Interlocked.Increment(ref next))
            {
                var database = SqlIdentifier.Quote(TenantNaming.DatabaseName(TenantProvisioning.DefaultPrefix, ids[index]));
                var owner = SqlIdentifier.Quote(TenantNaming.RoleName(TenantProvisioning.DefaultPrefix, ids[index]));
                foreach (var sql in new[]
                {
                    $"CREATE ROLE {owner} LOGIN CONNECTION LIMIT 20; GRANT {owner} TO {admin}",
                    $"CREATE DATABASE {database} OWNER {owner} TEMPLATE {Template} CONNECTION LIMIT 20",
                    $"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
                })
                {
                    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
                    await command.ExecuteNonQueryAsync();
                }
            }
        }));
    }
}

/// <summary>The floor of reading every tenant's schema level: the admin logs in to each tenant database and out, nothing sent.</summary>
internal static class AdminLogins
{
    public static async Task EveryDatabaseAsync(TestPostgresServer server, IReadOnlyList<string> ids)
    {
        using var gate = new SemaphoreSlim(FanOutOptions.DefaultPerServer);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                var builder = new NpgsqlDataSourceBuilder(server.AdminConnectionString(TenantNaming.DatabaseName(TenantProvisioning.DefaultPrefix, id)));
                builder.ConfigureTypeLoading(options => options.EnableTypeLoading(false));
                await using var dataSource = builder.Build();
                await using var connection = await dataSource.OpenConnectionAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
