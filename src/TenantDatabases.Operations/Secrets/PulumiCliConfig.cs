using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Secrets;

/// <summary>Asks the Pulumi CLI for a stack's configuration with its secrets: <c>pulumi config --json --show-secrets --stack s</c>.</summary>
public static class PulumiCliConfig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="pulumi"/> in <paramref name="projectDirectory"/>; its parsed JSON, or a problem with what the CLI said.</summary>
    public static async Task<Result<PulumiConfigJson>> ReadAsync(string pulumi, string projectDirectory, string stack, CancellationToken cancellationToken)
    {
        CommandResult result;
        try
        {
            result = await ExternalCommand.RunAsync(pulumi, ["config", "--json", "--show-secrets", "--stack", stack, "--cwd", projectDirectory],
                Timeout, cancellationToken: cancellationToken);
        }
        catch (TimeoutException error)
        {
            return Result<PulumiConfigJson>.Refused($"'pulumi config --json --show-secrets --stack {stack}': {error.Message}");
        }
        // stderr only: stdout would hold the secrets.
        return result.Succeeded
            ? PulumiConfigJson.Parse(result.StandardOutput, "the output of 'pulumi config --json'")
            : Result<PulumiConfigJson>.Refused($"'pulumi config --json --show-secrets --stack {stack}' failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
    }
}
