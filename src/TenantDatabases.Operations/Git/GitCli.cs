using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TenantDatabases.Operations.Git;

/// <summary>
/// Runs git as a child process: arguments as a list (never a shell), a time limit, and bounded output, since what it
/// prints comes from a repository a pull request wrote. Only commands that read objects are run, never ones that
/// touch the working tree (which could run a repository's configured filters or hooks).
/// </summary>
internal static class GitCli
{
    /// <summary>Longest one git command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const int MaxErrorChars = 4096;

    /// <summary>The program's file name on this system.</summary>
    public static string FileName => OperatingSystem.IsWindows() ? "git.exe" : "git";

    /// <summary>Runs git in <paramref name="folder"/>; <paramref name="input"/> is written to its standard input.</summary>
    public static async Task<GitOutput> RunAsync(
        string folder, IReadOnlyList<string> arguments, long maxOutputBytes, CancellationToken cancellationToken, string? input = null)
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return GitOutput.NotRun("git is not installed or not on PATH; install git to compare with --base");
        }
        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            var output = ReadBoundedAsync(process.StandardOutput.BaseStream, maxOutputBytes, deadline.Token);
            var error = ReadErrorAsync(process.StandardError, deadline.Token);
            try
            {
                if (input is not null)
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), deadline.Token);
                }
                process.StandardInput.Close();
                var bytes = await output;
                if (bytes is null)
                {
                    process.Kill(entireProcessTree: true);
                    return GitOutput.NotRun($"git printed more than {maxOutputBytes / (1024 * 1024)} MiB for `git {arguments[0]}`");
                }
                await process.WaitForExitAsync(deadline.Token);
                return new GitOutput(process.ExitCode, bytes, await error, null);
            }
            catch (Exception failure) when (failure is OperationCanceledException or IOException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return GitOutput.NotRun(failure is IOException
                    ? $"git stopped early ({failure.Message})"
                    : $"`git {arguments[0]}` did not finish within {Timeout.TotalSeconds:0} s");
            }
        }
    }

    // Null when the stream holds more than the limit.
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<string> ReadErrorAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var kept = new StringBuilder();
        var chunk = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
        {
            kept.Append(chunk, 0, Math.Min(read, Math.Max(0, MaxErrorChars - kept.Length)));
        }
        return kept.ToString();
    }
}

/// <summary>What git printed and its exit code; or, in <see cref="Problem"/>, why it did not run to its end.</summary>
internal sealed record GitOutput(int ExitCode, byte[] Output, string Error, string? Problem)
{
    /// <summary>True when git ran and exited 0.</summary>
    public bool Succeeded => Problem is null && ExitCode == 0;

    /// <summary>The output as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Output);

    public static GitOutput NotRun(string problem) => new(-1, [], "", problem);
}
