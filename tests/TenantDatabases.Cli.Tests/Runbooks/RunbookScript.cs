using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Cli.Tests.Runbooks;

/// <summary>
/// Runs a script of <c>scripts/runbooks</c> as an operator would, as a child process, with the test servers'
/// own psql, pg_dump and pg_restore first on PATH.
/// </summary>
internal static class RunbookScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of one of PostgreSQL's client programs beside the test servers' binaries.</summary>
    public static string ClientProgram(string name) => Path.Combine(Binaries().Directory, name);

    public static Task<CommandResult> RunAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var binaries = Binaries();
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["PATH"] = binaries.Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        return ExternalCommand.RunAsync("bash", [RepositoryFolder.Path("scripts", "runbooks", script), .. arguments], Timeout, variables);
    }

    private static PostgresBinaries Binaries() =>
        PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);

    /// <summary>What the script printed, both streams, for failure messages.</summary>
    public static string Printed(CommandResult result) => result.StandardOutput + result.StandardError;

    /// <summary>No password reached stdout or stderr.</summary>
    public static void AssertNoSecret(CommandResult result, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.StandardError, StringComparison.Ordinal);
        }
    }
}
