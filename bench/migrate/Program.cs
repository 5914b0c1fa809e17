using System.Globalization;
using MigrateBench;
using TenantDatabases.Testing;

// Usage: bench/migrate/run.sh [tenants=200] [parallel=8] [approaches] [rounds=4] (publishes the tool first), or
// dotnet run -c Release --project bench/migrate -- [same arguments] with the Release build of the tool.
var tenantCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
// Each approach's tenants are split into rounds run in turn (A1 B1 C1 A2 B2 C2 ...), so that the load of a
// shared machine falls on all three alike; a tenantdb round is a whole process, started as users start it.
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
// Optional third argument: a comma-separated subset of tenantdb,engine,baseline,floor (for quick looks; the figures need all three).
var only = args.Length > 2 ? args[2].Split(',') : ["tenantdb", "engine", "baseline", "floor"];

await using var first = await TestPostgresServer.StartAsync("bench-a");
await using var second = await TestPostgresServer.StartAsync("bench-b");
Console.WriteLine($"servers on ports {first.Port} and {second.Port}; {tenantCount} tenants per approach, parallel {parallel}, {rounds} rounds");

var fleets = new Dictionary<string, IReadOnlyList<ProvisionedTenant>>();
foreach (var name in only)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    fleets[name] = await BenchFleet.CreateAsync(first, second, name, tenantCount);
    Console.WriteLine($"provisioned {tenantCount} tenant databases for {name} in {clock.Elapsed.TotalSeconds:0.0} s");
}

var figures = new List<Figure>();
foreach (var pass in new[] { "fresh", "no-op rerun" })
{
    var passFigures = new List<Figure>();
    for (var round = 0; round < rounds; round++)
    {
        IReadOnlyList<ProvisionedTenant> Slice(string name) => fleets[name].Where((_, i) => i % rounds == round).ToList();
        if (fleets.ContainsKey("tenantdb"))
        {
            passFigures.Add(await TenantDbApproach.RunAsync(pass, Slice("tenantdb"), parallel));
        }
        if (fleets.ContainsKey("engine"))
        {
            passFigures.Add(await TenantDbEngineApproach.RunAsync(pass, Slice("engine"), parallel));
        }
        if (fleets.ContainsKey("baseline"))
        {
            passFigures.Add(await DbUpBaseline.RunAsync(pass, Slice("baseline")));
        }
        if (fleets.ContainsKey("floor"))
        {
            passFigures.Add(await NpgsqlFloor.RunAsync(pass, Slice("floor"), parallel));
            if (pass == "no-op rerun")
            {
                passFigures.Add(await LoginsOnly.RunAsync(pass, Slice("floor"), parallel));
            }
        }
    }
    figures.AddRange(passFigures.GroupBy(f => f.Approach).Select(g => new Figure(
        pass, g.Key, g.Sum(f => f.Tenants), g.Sum(f => f.Seconds), g.Max(f => f.PeakMegabytes))));
}

// One process over every tenant, for the peak memory of a whole 200-tenant run (and its no-op time in one piece).
Figure? whole = fleets.TryGetValue("tenantdb", out var all) ? await TenantDbApproach.RunAsync("no-op rerun, one process", all, parallel) : null;

// What a login costs here, measured by PostgreSQL's own client, once the fleets are idle.
var pgbench = fleets.TryGetValue("floor", out var floorFleet) ? await PgbenchLogins.MeasureAsync(floorFleet[0], parallel) : null;

Console.WriteLine();
if (pgbench is not null)
{
    Console.WriteLine(pgbench);
}
if (whole is not null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"one tenantdb process over all {whole.Tenants} tenants (no-op): {whole.Seconds:0.00} s, {whole.Seconds * 1000 / whole.Tenants:0.0} ms per tenant, peak memory {whole.PeakMegabytes:0} MB"));
}
Console.WriteLine("| pass | approach | tenants | seconds | tenants/s | ms per tenant | vs baseline | vs floor | peak memory |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var figure in figures)
{
    var baseline = figures.SingleOrDefault(f => f.Pass == figure.Pass && f.Approach == DbUpBaseline.Name) ?? figure;
    var floor = figures.SingleOrDefault(f => f.Pass == figure.Pass && f.Approach == NpgsqlFloor.Name) ?? figure;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {figure.Pass} | {figure.Approach} | {figure.Tenants} | {figure.Seconds:0.00} | {figure.Throughput:0.0} | {figure.Seconds * 1000 / figure.Tenants:0.0} | " +
        $"{figure.Throughput / baseline.Throughput:0.00}× | {figure.Throughput / floor.Throughput * 100:0}% | {(figure.PeakMegabytes is { } mb ? $"{mb:0} MB" : "–")} |"));
}
