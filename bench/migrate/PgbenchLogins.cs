using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Testing;

namespace MigrateBench;

/// <summary>
/// A second opinion on what a login costs, from PostgreSQL's own client: <c>pgbench -C</c> (a new connection
/// for every <c>SELECT 1</c>) against one tenant database for a few seconds. Not Npgsql, not .NET: if this is
/// as slow as the "logins only" row, the cost is the server's backend start on this machine.
/// </summary>
public static partial class PgbenchLogins
{
    public static async Task<string> MeasureAsync(ProvisionedTenant tenant, int clients)
    {
        if (PostgresBinaries.Find() is not { } binaries || !File.Exists(Path.Combine(binaries.Directory, "pgbench")))
        {
            return "pgbench -C: not measured (pgbench not found)";
        }
        var script = Path.Combine(Path.GetTempPath(), $"bench-select1-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, "SELECT 1;\n");
        var start = new ProcessStartInfo(Path.Combine(binaries.Directory, "pgbench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", tenant.Host, "-p", tenant.Port.ToString(CultureInfo.InvariantCulture), "-U", tenant.Username,
                     "-n", "-C", "-f", script, "-T", "5", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", clients.ToString(CultureInfo.InvariantCulture), tenant.Database })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PGPASSWORD"] = tenant.Password;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        var tps = TpsLine().Match(output);
        return tps.Success
            ? string.Create(CultureInfo.InvariantCulture, $"pgbench -C, {clients} clients, 5 s on one tenant database: {double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture):0.0} logins/s, {1000 / double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture):0.0} ms per login")
            : $"pgbench -C: no result (exit {process.ExitCode})";
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(including reconnection times\)")]
    private static partial Regex TpsLine();
}
