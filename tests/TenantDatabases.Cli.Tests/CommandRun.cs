using Spectre.Console.Testing;

namespace TenantDatabases.Cli.Tests;

/// <summary>Runs tenantdb in-process against a test console and keeps what it printed.</summary>
public sealed record CommandRun(int ExitCode, string Output)
{
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 240;
        var exit = await TenantDbApp.RunAsync(args, console);
        return new CommandRun(exit, console.Output);
    }

    /// <summary>Fails when any of <paramref name="secrets"/> appears in the output.</summary>
    public void ShowsNone(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, Output);
        }
    }
}
