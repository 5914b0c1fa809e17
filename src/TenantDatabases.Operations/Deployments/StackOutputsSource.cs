using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Inputs;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.Deployments;

/// <summary>Where stack outputs come from: <c>pulumi stack output</c>, a file, or standard input (<c>-</c>).</summary>
public static class StackOutputsSource
{
    /// <summary>Reads <paramref name="path"/>, or standard input when it is <c>-</c>.</summary>
    public static async Task<StackOutputsResult> ReadFileAsync(string path, TextReader standardInput, CancellationToken cancellationToken = default)
    {
        var source = path == "-" ? "standard input" : path;
        var input = path == "-"
            ? await JsonInput.ReadAsync(standardInput, source, "stack outputs", cancellationToken)
            : await JsonInput.ReadFileAsync(path, "the outputs file", cancellationToken);
        return input.Succeeded ? StackOutputsReader.Read(input.Value, source) : StackOutputsResult.Unreadable(input.Problem);
    }

    /// <summary>Runs <c>pulumi stack output --json --show-secrets --stack <paramref name="stack"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<StackOutputsResult> ReadFromPulumiAsync(string stack, string workingDirectory, CancellationToken cancellationToken = default)
    {
        if (PulumiCli.Locate(workingDirectory) is not { } pulumi)
        {
            return StackOutputsResult.Unreadable(
                $"the Pulumi CLI is not on PATH, so the outputs of stack '{stack}' cannot be read. Install Pulumi, or save them where it runs " +
                $"('pulumi stack output --json --show-secrets --stack {stack} > outputs.json') and pass --outputs outputs.json (or --outputs - to read standard input).");
        }
        // Standard error of pulumi names the problem (no stack, not logged in); it never holds the outputs.
        var answer = await pulumi.StackOutputAsync(stack, showSecrets: true, cancellationToken);
        return answer.Succeeded
            ? StackOutputsReader.Read(answer.Output, $"outputs of stack '{stack}'")
            : StackOutputsResult.Unreadable(answer.Problem ?? "");
    }
}

/// <summary>
/// A saved outputs file holds every tenant's password in clear text, so one that other users can read is worth
/// a warning: the default umask makes new files readable by everyone.
/// </summary>
public static class OutputsFileExposure
{
    private const UnixFileMode ReadableByOthers = UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The warning for <paramref name="path"/>, or null when only its owner can read it (or the system has no Unix modes).</summary>
    public static string? Warning(string path)
    {
        // A device, a FIFO or a shell's <(…) is no file to chmod; their advice would be wrong.
        if (OperatingSystem.IsWindows() || !InputFile.IsRegularFile(path))
        {
            return null;
        }
        var mode = File.GetUnixFileMode(path);
        return (mode & ReadableByOthers) == 0 ? null
            : $"{path} holds every tenant's password and other users can read it (mode {Convert.ToString((int)mode, 8)}); " +
              $"run 'chmod 600 {path}', and delete it when the deployment is done.";
    }
}
