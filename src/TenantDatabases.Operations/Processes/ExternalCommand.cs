using System.Diagnostics;

namespace TenantDatabases.Operations.Processes;

/// <summary>Runs a program to completion and captures what it printed.</summary>
public static class ExternalCommand
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> (no shell), killing it after <paramref name="timeout"/>;
    /// <paramref name="standardInput"/>, when given, is what it reads on standard input (a secret never goes on the command line).
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default,
        string? workingDirectory = null,
        string? standardInput = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}

/// <summary>Exit code and output of an <see cref="ExternalCommand"/>.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True for exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
