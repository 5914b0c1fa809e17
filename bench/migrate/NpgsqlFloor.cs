using System.Diagnostics;
using DbUp.Postgresql;
using Npgsql;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;
using TenantDatabases.Operations.Scripts;

namespace MigrateBench;

/// <summary>
/// The floor: the same scripts sent with plain Npgsql, tenants in parallel (interleaved over the servers), one
/// connection per tenant, no lock, no checksum; the only journal logic is one insert per script.
/// </summary>
public static class NpgsqlFloor
{
    public const string Name = "plain Npgsql, parallel (floor)";
    private static readonly PostgresqlConnectionManager Splitter = new("Host=unused");

    public static async Task<Figure> RunAsync(string pass, IReadOnlyList<ProvisionedTenant> tenants, int parallel)
    {
        var scripts = RepositoryMigrations.Read().All;
        var ordered = BenchFleet.Interleaved(tenants);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (tenant, token) =>
        {
            await using var connection = new NpgsqlConnection(DbUpBaseline.ConnectionString(tenant));
            await connection.OpenAsync(token);
            IReadOnlyList<MigrationScript> pending;
            await using (var journal = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS floor_journal (name text); SELECT name FROM floor_journal", connection))
            {
                await using var reader = await journal.ExecuteReaderAsync(token);
                var applied = new HashSet<string>();
                while (await reader.ReadAsync(token))
                {
                    applied.Add(reader.GetString(0));
                }
                pending = [.. scripts.Where(s => !applied.Contains(s.Name))];
            }
            foreach (var script in pending)
            {
                await using var transaction = script.RunsInTransaction ? await connection.BeginTransactionAsync(token) : null;
                foreach (var statement in script.RunsInTransaction ? [script.Contents] : Splitter.SplitScriptIntoCommands(script.Contents))
                {
                    await using var command = new NpgsqlCommand(statement, connection, transaction);
                    await command.ExecuteNonQueryAsync(token);
                }
                await using var insert = new NpgsqlCommand("INSERT INTO floor_journal VALUES (@name)", connection, transaction);
                insert.Parameters.AddWithValue("name", script.Name);
                await insert.ExecuteNonQueryAsync(token);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(token);
                }
            }
        });
        Console.WriteLine($"{pass}: {Name} {clock.Elapsed.TotalSeconds:0.00} s");
        return new Figure(pass, Name, tenants.Count, clock.Elapsed.TotalSeconds);
    }
}
