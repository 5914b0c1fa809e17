using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.DevServers;

/// <summary>Finds PostgreSQL's server programs, installing Debian's <c>postgresql</c> package when missing and this process may (root with apt-get).</summary>
public static class PostgresInstallation
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The binaries, or a problem saying exactly what to install.</summary>
    public static Task<Result<PostgresBinaries>> FindOrInstallAsync(Action<string> progress, CancellationToken cancellationToken) =>
        FindOrInstallAsync(PostgresBinaries.Find, LocalServerUser.Current().RunAsName is not null, ExternalCommand.FindOnPath("apt-get"), progress, cancellationToken);

    /// <summary>The decision with its inputs given: how binaries are found, whether this is root, where apt-get is.</summary>
    internal static async Task<Result<PostgresBinaries>> FindOrInstallAsync(
        Func<PostgresBinaries?> find, bool isRoot, string? aptGet, Action<string> progress, CancellationToken cancellationToken)
    {
        if (find() is { } found)
        {
            return Result<PostgresBinaries>.Of(found);
        }
        if (!isRoot || aptGet is null)
        {
            return Result<PostgresBinaries>.Refused("PostgreSQL's server programs (initdb, pg_ctl) are not installed. " + PostgresBinaries.InstallHint);
        }
        progress("Installing PostgreSQL's server programs (Debian package postgresql)...");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        foreach (var arguments in new[] { new[] { "update", "-qq" }, ["install", "-y", "-qq", "postgresql"] })
        {
            var result = await ExternalCommand.RunAsync(aptGet, arguments, InstallTimeout, environment, cancellationToken);
            if (!result.Succeeded)
            {
                return Result<PostgresBinaries>.Refused($"'apt-get {string.Join(' ', arguments)}' failed ({result.Ending}): {result.StandardError.Trim()} " + PostgresBinaries.InstallHint);
            }
        }
        return find() is { } installed
            ? Result<PostgresBinaries>.Of(installed)
            : Result<PostgresBinaries>.Refused("apt-get installed postgresql, but initdb is still not found. " + PostgresBinaries.InstallHint);
    }
}
