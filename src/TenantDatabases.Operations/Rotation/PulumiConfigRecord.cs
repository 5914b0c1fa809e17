using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The record of a stack whose secrets only the Pulumi CLI can encrypt: <c>pulumi config set --secret --path
/// 'servers.&lt;name&gt;.password'</c> with the value on standard input (the CLI reads it there when no value argument
/// is given and standard input is not a terminal), never on the command line.
/// </summary>
public sealed class PulumiConfigRecord(string? pulumi, string projectDirectory, string stack, string server) : IServerPasswordRecord
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public string Description => ServerPasswordCommand.For(server, stack);

    private string Key => ServerPasswordCommand.Key(server);

    /// <inheritdoc />
    public Task<StackRecordResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(pulumi is null
            ? StackRecordResult.Failed($"The stack's secrets are kept by its secrets provider, which only the Pulumi CLI can write to, and pulumi is not on PATH. {PulumiCli.InstallHint}.")
            : StackRecordResult.Done);

    /// <inheritdoc />
    public async Task<StackRecordResult> WriteAsync(string password, CancellationToken cancellationToken)
    {
        if (pulumi is null)
        {
            return await CheckAsync(cancellationToken);
        }
        CommandResult result;
        try
        {
            result = await ExternalCommand.RunAsync(pulumi, ["config", "set", "--secret", "--path", Key, "--stack", stack, "--cwd", projectDirectory],
                Timeout, cancellationToken: cancellationToken, workingDirectory: projectDirectory, standardInput: password);
        }
        catch (Exception error) when (error is TimeoutException or System.ComponentModel.Win32Exception or IOException)
        {
            return StackRecordResult.Failed($"'{Description}': {error.Message}");
        }
        return result.Succeeded
            ? StackRecordResult.Done
            : StackRecordResult.Failed($"'{Description}' failed (exit {result.ExitCode}): {Scrub(result.StandardError.Trim(), password)}");
    }

    /// <inheritdoc />
    public Task<StackRecordResult> RestoreAsync(string previous, CancellationToken cancellationToken) => WriteAsync(previous, cancellationToken);

    private static string Scrub(string text, string password) => text.Replace(password, "***", StringComparison.Ordinal);
}
