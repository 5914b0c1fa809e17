using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Secrets;

/// <summary>Asks the Pulumi CLI for a stack's configuration with its secrets: <c>pulumi config --json --show-secrets --stack s</c>.</summary>
public static class PulumiCliConfig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>True when <c>pulumi</c> is on PATH.</summary>
    public static bool IsAvailable => ExternalCommand.FindOnPath("pulumi") is not null;

    /// <summary>Runs the CLI in <paramref name="projectDirectory"/>; returns its JSON, or a failure with what the CLI said.</summary>
    public static async Task<(string? Json, string? Failure)> ReadAsync(string projectDirectory, string stack, CancellationToken cancellationToken)
    {
        var pulumi = ExternalCommand.FindOnPath("pulumi")!;
        try
        {
            var result = await ExternalCommand.RunAsync(pulumi, ["config", "--json", "--show-secrets", "--stack", stack, "--cwd", projectDirectory],
                Timeout, cancellationToken: cancellationToken);
            // stderr only: stdout would hold the secrets.
            return result.Succeeded
                ? (result.StandardOutput, null)
                : (null, $"'pulumi config --json --show-secrets --stack {stack}' failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }
        catch (TimeoutException error)
        {
            return (null, $"'pulumi config --json --show-secrets --stack {stack}': {error.Message}");
        }
    }
}
