using System.Diagnostics;
using Npgsql;
using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>
/// What a login alone costs: each tenant database opened and closed with plain Npgsql, in parallel like the
/// floor, sending nothing. No approach that looks inside every tenant database can do a tenant faster than
/// this; it tells how far the no-op goal is from what the machine's servers can start backends at.
/// </summary>
public static class LoginsOnly
{
    public const string Name = "logins only (open, close)";

    public static async Task<Figure> RunAsync(string pass, IReadOnlyList<ProvisionedTenant> tenants, int parallel)
    {
        var ordered = BenchFleet.Interleaved(tenants);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (tenant, token) =>
        {
            await using var connection = new NpgsqlConnection(DbUpBaseline.ConnectionString(tenant));
            await connection.OpenAsync(token);
        });
        Console.WriteLine($"{pass}: {Name} {clock.Elapsed.TotalSeconds:0.00} s");
        return new Figure(pass, Name, tenants.Count, clock.Elapsed.TotalSeconds);
    }
}
