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
        return onPath is not null && Path.GetDirectoryName(Path.GetFullPath(onPath)) is { } folder ? new PostgresBinaries(folder) : null;
    }
}

/// <summary>
/// The operating-system user the server runs as. initdb and postgres refuse to run as root, so under
/// root they run as an unprivileged account (<c>postgres</c> from Debian's package, else <c>nobody</c>)
/// through runuser; as an ordinary user they run as that user.
/// </summary>
public sealed record LocalServerUser(string? RunAsName)
{
    /// <summary>The user for this process.</summary>
    public static LocalServerUser Current()
    {
        if (Environment.UserName != "root" && !IsUidZero())
        {
            return new LocalServerUser(RunAsName: null);
        }
        var name = Environment.GetEnvironmentVariable("TENANTDB_PG_USER");
        if (string.IsNullOrEmpty(name))
        {
            name = File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal))
                ? "postgres"
                : "nobody";
        }
        return new LocalServerUser(name);
    }

    /// <summary>Program and arguments that run <paramref name="program"/> as this user.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string program, IEnumerable<string> arguments) =>
        RunAsName is null
            ? (program, arguments.ToList())
            : ("runuser", new[] { "-u", RunAsName, "--", program }.Concat(arguments).ToList());

    private static bool IsUidZero() =>
        File.Exists("/proc/self/status") &&
        File.ReadLines("/proc/self/status").Any(line => line.StartsWith("Uid:", StringComparison.Ordinal) && line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
}
