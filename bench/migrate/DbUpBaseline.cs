using System.Diagnostics;
using DbUp;
using DbUp.Engine;
using Npgsql;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>
/// What users write today: DbUp's builder, one tenant after another. Two changes were needed just to finish:
/// variables off (or <c>$body$</c> fails) and pooling off (or 200 idle pools exceed max_connections).
/// DbUp's default of no transaction is kept, which is also what lets CREATE INDEX CONCURRENTLY run.
/// </summary>
public static class DbUpBaseline
{
    public const string Name = "DbUp, one after another";

    public static Task<Figure> RunAsync(string pass, IReadOnlyList<ProvisionedTenant> tenants)
    {
        var scripts = RepositoryMigrations.Read().All.Select(s => new SqlScript(s.Name, s.Contents)).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var tenant in tenants)
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(ConnectionString(tenant))
                .WithScripts(scripts)
                .WithVariablesDisabled()
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"DbUp failed on {tenant.Database}: {result.Error.Message}");
            }
        }
        Console.WriteLine($"{pass}: {Name} {clock.Elapsed.TotalSeconds:0.00} s");
        return Task.FromResult(new Figure(pass, Name, tenants.Count, clock.Elapsed.TotalSeconds));
    }

    public static string ConnectionString(ProvisionedTenant tenant) => new NpgsqlConnectionStringBuilder
    {
        Host = tenant.Host, Port = tenant.Port, Database = tenant.Database, Username = tenant.Username,
        Password = tenant.Password, Pooling = false, SslMode = SslMode.Prefer,
    }.ConnectionString;
}
