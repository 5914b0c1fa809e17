using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Testing;

// tenantdb adopt on one server holding many databases (default 5,000), each row of the table in the same run:
//   psql listing          what any tool pays at least: a process that lists the server's databases in one query;
//   tenantdb preflight    the fixed cost adopt shares: the stack read, its passphrase's key derived, one admin login;
//   tenantdb adopt        the published tool as a process: --dry-run, the run that writes every tenant, a second run
//                         that finds nothing to add, and validate of the stack it wrote;
//   one entry at a time   the stack file edited as add-tenant edits it, one tenant per parse (in-process, text only),
//                         against adopt's single insertion of every entry (in-process, text only).
// Usage: bench/adopt/run.sh [databases=5000] [rounds=3]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const double MegabytesPerDatabase = 7.6;
const string Passphrase = "bench-adopt-passphrase";
const string Stack = "bench";

var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace / 1e9;
var needed = count * MegabytesPerDatabase / 1000 * 1.2;
if (free < needed)
{
    Console.Error.WriteLine($"error: {count} databases need about {needed:0} GB under {Path.GetTempPath()}, and {free:0} GB are free. Run with fewer: bench/adopt/run.sh 1000");
    return 2;
}

await using var server = await TestPostgresServer.StartAsync("bench-adopt");
var clock = Stopwatch.StartNew();
// Two sessions at once, as many cores as the machine has; 1 % of the names cannot be tenant ids.
var names = Enumerable.Range(1, count).Select(i => i % 100 == 0 ? $"Shop {i:00000}" : $"tenant_shop_{i:00000}").ToList();
await Task.WhenAll(Enumerable.Range(0, 2).Select(async lane =>
{
    await using var connection = new NpgsqlConnection(server.Server.SuperuserConnectionString());
    await connection.OpenAsync();
    foreach (var name in names.Where((_, i) => i % 2 == lane))
    {
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {TestPostgresServer.AdminUser} TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
    }
}));
Console.WriteLine($"created {count} databases in {clock.Elapsed.TotalSeconds:0} s on port {server.Port}");

using var stack = TestStack.Create(Stack, Passphrase, [new TestStackServer("legacy", server.Port, server.AdminPassword, MaxTenants: 2 * count)]);
var stackFile = Path.Combine(stack.Directory, $"Pulumi.{Stack}.yaml");
var original = await File.ReadAllTextAsync(stackFile);
var rows = new List<Row>();

for (var round = 0; round < rounds; round++)
{
    await File.WriteAllTextAsync(stackFile, original);
    rows.Add(await Process.RunAsync("psql: list every database (one query)", Psql(), ["-X", "-At", "-h", "127.0.0.1", "-p", Port(), "-U", TestPostgresServer.AdminUser, "-d", "postgres",
        "-c", "SELECT datname, pg_get_userbyid(datdba), datconnlimit FROM pg_database"], new() { ["PGPASSWORD"] = server.AdminPassword }));
    rows.Add(await TenantDb("tenantdb preflight (the same stack, passphrase and login)", "preflight"));
    rows.Add(await TenantDb("tenantdb adopt --dry-run", "adopt", "--dry-run"));
    rows.Add(await TenantDb("tenantdb adopt (writes every tenant)", "adopt"));
    rows.Add(await TenantDb("tenantdb adopt again (nothing to add)", "adopt"));
    rows.Add(await TenantDb("tenantdb validate of the adopted stack", "validate"));
}
var adopted = await File.ReadAllTextAsync(stackFile);
Console.WriteLine($"adopted stack: {new FileInfo(stackFile).Length / 1024.0:0} KB, {adopted.Split('\n').Length} lines, {adopted.Split("database: ").Length - 1} tenants");

// The text edits alone: every entry in one insertion (adopt), and one entry per parse (add-tenant's way).
var entries = names.Where(name => name.StartsWith("tenant_", StringComparison.Ordinal))
    .Select(name => new TenantEntry(name["tenant_".Length..].Replace('_', '-'), [("server", "legacy"), ("database", name), ("owner", TestPostgresServer.AdminUser)]))
    .ToList();
for (var round = 0; round < rounds; round++)
{
    rows.Add(InProcess("in-process: every entry in one insertion (adopt)", () => TenantEntryWriter.AddTenants(original, entries)));
    rows.Add(InProcess("in-process: one entry per parse (add-tenant's writer)", () =>
    {
        var text = original;
        foreach (var entry in entries)
        {
            text = TenantEntryWriter.AddTenants(text, [entry]).Value ?? throw new InvalidOperationException("edit refused");
        }
        return text;
    }));
}

Console.WriteLine();
Console.WriteLine($"{count} databases ({names.Count(name => !name.StartsWith("tenant_", StringComparison.Ordinal))} of them not adoptable), {rounds} rounds; {Environment.ProcessorCount} cores");
Console.WriteLine("| run | wall (s, median) | CPU user+sys (s, median) | peak RSS (MB, max) |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var group in rows.GroupBy(row => row.Name))
{
    var wall = group.Select(row => row.Seconds).Order().ElementAt(group.Count() / 2);
    var cpu = group.Select(row => row.CpuSeconds).Order().ElementAt(group.Count() / 2);
    var peak = group.Max(row => row.PeakMegabytes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {group.Key} | {wall:0.00} | {(cpu is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {(peak is { } p ? p.ToString("0", CultureInfo.InvariantCulture) : "–")} |"));
}
return 0;

string Port() => server.Port.ToString(CultureInfo.InvariantCulture);

Task<Row> TenantDb(string name, params string[] arguments)
{
    var tool = Environment.GetEnvironmentVariable("BENCH_TENANTDB_DLL") is { Length: > 0 } published ? published : Path.Combine(AppContext.BaseDirectory, "tenantdb.dll");
    string[] stackArguments = arguments[0] switch
    {
        "validate" => [.. arguments, "--stack", Stack, "--cwd", stack.Directory],
        "preflight" => [.. arguments, "--stack", Stack, "--cwd", stack.Directory, "--format", "json"],
        _ => [.. arguments, "--stack", Stack, "--cwd", stack.Directory, "--server", "legacy", "--format", "json"],
    };
    return Process.RunAsync(name, "dotnet", [tool, .. stackArguments], new() { ["PULUMI_CONFIG_PASSPHRASE"] = Passphrase });
}

static string Psql() =>
    PostgresBinaries.Find() is { } binaries && File.Exists(Path.Combine(binaries.Directory, "psql")) ? Path.Combine(binaries.Directory, "psql") : "psql";

static Row InProcess(string name, Func<object> work)
{
    GC.Collect();
    var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    work();
    return new Row(name, clock.Elapsed.TotalSeconds, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds, null);
}

/// <summary>One timed run.</summary>
internal sealed record Row(string Name, double Seconds, double? CpuSeconds, double? PeakMegabytes);

/// <summary>A child process, with its wall time, CPU time and peak resident memory (bench/Shared/MeasuredProcess).</summary>
internal static class Process
{
    public static async Task<Row> RunAsync(string name, string program, IReadOnlyList<string> arguments, Dictionary<string, string> environment)
    {
        var run = await Bench.MeasuredProcess.RunAsync(program, arguments, environment);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited {run.ExitCode}:\n{run.Output[^Math.Min(run.Output.Length, 2000)..]}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {run.Seconds:0.00} s, CPU {run.CpuSeconds:0.00} s, peak {run.PeakMegabytes:0} MB"));
        return new Row(name, run.Seconds, run.CpuSeconds, run.PeakMegabytes);
    }
}
