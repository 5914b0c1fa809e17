namespace TenantDatabases.Operations.LocalServers;

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
