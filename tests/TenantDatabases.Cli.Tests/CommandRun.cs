namespace TenantDatabases.Cli.Tests;

/// <summary>What one run of tenantdb returned and printed.</summary>
public sealed record CommandRun(int ExitCode, string Output)
{
    /// <summary>Runs tenantdb in-process as <see cref="TenantDb.RunAsync"/> does.</summary>
    public static Task<CommandRun> RunAsync(params string[] args) => TenantDb.RunAsync(args);

    /// <summary>Fails when any of <paramref name="secrets"/> appears in the output.</summary>
    public void ShowsNone(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, Output);
        }
    }
}
