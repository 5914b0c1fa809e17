using System.Globalization;
using MigrateBench;
using TenantDatabases.Testing;

// Usage: dotnet run -c Release --project bench/migrate [tenants=200] [parallel=8]
var tenantCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
// Optional third argument: a comma-separated subset of tenantdb,baseline,floor (for quick looks; the figures need all three).
var only = args.Length > 2 ? args[2].Split(',') : ["tenantdb", "baseline", "floor"];

await using var first = await TestPostgresServer.StartAsync("bench-a");
await using var second = await TestPostgresServer.StartAsync("bench-b");
Console.WriteLine($"servers on ports {first.Port} and {second.Port}; {tenantCount} tenants per approach, parallel {parallel}");

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
    if (fleets.TryGetValue("tenantdb", out var ours))
    {
        figures.Add(await TenantDbApproach.RunAsync(pass, ours, parallel));
    }
    if (fleets.TryGetValue("baseline", out var baselineFleet))
    {
        figures.Add(await DbUpBaseline.RunAsync(pass, baselineFleet));
    }
    if (fleets.TryGetValue("floor", out var floorFleet))
    {
        figures.Add(await NpgsqlFloor.RunAsync(pass, floorFleet, parallel));
    }
}

Console.WriteLine();
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
