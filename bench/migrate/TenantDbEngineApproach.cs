using System.Diagnostics;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>
/// The same engine as <c>tenantdb migrate</c>, called in this (already warm) process like the floor is: the
/// figure without process start-up, JIT and the summary table.
/// </summary>
public static class TenantDbEngineApproach
{
    public const string Name = "tenantdb engine, in-process";

    public static async Task<Figure> RunAsync(string pass, IReadOnlyList<ProvisionedTenant> tenants, int parallel)
    {
        var read = StackOutputsReader.Read(ProvisionedTenant.StackOutputsJson(tenants), "bench");
        var outputs = read.IsValid ? read.Connections : throw new InvalidOperationException(string.Join(" ", read.Problems));
        var settings = new MigrationSettings(RepositoryMigrations.Read(), MigrationSettings.DefaultLockTimeout, MigrationSettings.DefaultStatementTimeout, DryRun: false);
        var clock = Stopwatch.StartNew();
        var results = await FleetMigration.RunAsync(outputs, outputs.Tenants, settings, new FanOutOptions(parallel, FanOutOptions.DefaultPerServer));
        var seconds = clock.Elapsed.TotalSeconds;
        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            throw new InvalidOperationException($"{failed.Tenant.Id}: {failed.Status} {failed.Failure?.Message} {failed.Verification?.DescribeFailures()}");
        }
        Console.WriteLine($"{pass}: {Name} {seconds:0.00} s");
        return new Figure(pass, Name, tenants.Count, seconds);
    }
}
