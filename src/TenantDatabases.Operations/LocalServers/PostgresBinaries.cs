using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.LocalServers;

/// <summary>Where PostgreSQL's server programs (initdb, pg_ctl) are on this machine.</summary>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>What to run when no server binaries are found.</summary>
    public const string InstallHint =
        "Install PostgreSQL 13 or later: 'apt-get install postgresql' on Debian/Ubuntu, " +
        "or set TENANTDB_PG_BINDIR to the folder holding initdb and pg_ctl.";

    /// <summary>Path of initdb.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>Path of pg_ctl.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// TENANTDB_PG_BINDIR, else the newest Debian /usr/lib/postgresql/N/bin, else initdb on PATH; null when none.
    /// Debian keeps the server programs off PATH, hence the versioned folders first.
    /// </summary>
    public static PostgresBinaries? Find()
    {
        var configured = Environment.GetEnvironmentVariable("TENANTDB_PG_BINDIR");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return new PostgresBinaries(configured);
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            var newest = System.IO.Directory.GetDirectories(debianRoot)
                .Select(folder => (folder, version: int.TryParse(Path.GetFileName(folder), out var v) ? v : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.folder, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return new PostgresBinaries(newest);
            }
        }
        var onPath = ExternalCommand.FindOnPath("initdb");
        return onPath is null ? null : new PostgresBinaries(Path.GetDirectoryName(Path.GetFullPath(onPath))!);
    }
}
