using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>Tenant databases for one approach, half on each server, created the way the Pulumi program does.</summary>
public static class BenchFleet
{
    public static async Task<IReadOnlyList<ProvisionedTenant>> CreateAsync(TestPostgresServer first, TestPostgresServer second, string approach, int count)
    {
        var ids = Enumerable.Range(1, count).Select(i => $"{approach}-{i:000}").ToList();
        var onFirst = TenantProvisioning.CreateManyAsync(first, ids.Where((_, i) => i % 2 == 0));
        var onSecond = TenantProvisioning.CreateManyAsync(second, ids.Where((_, i) => i % 2 == 1));
        return [.. await onFirst, .. await onSecond];
    }

    /// <summary>The tenants with their servers alternating, as tenantdb orders them, so both servers are kept busy.</summary>
    public static List<ProvisionedTenant> Interleaved(IReadOnlyList<ProvisionedTenant> tenants) =>
        tenants.GroupBy(t => t.Server).SelectMany(g => g.Select((t, i) => (t, i))).OrderBy(x => x.i).Select(x => x.t).ToList();
}
