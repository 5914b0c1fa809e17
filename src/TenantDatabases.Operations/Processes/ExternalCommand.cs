// Processes: the one process runner and the gateway to the Pulumi CLI.
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Operations.Processes;

/// <summary>
/// The one way the tool starts another program (pg_ctl, initdb, apt-get, git, the Pulumi CLI): arguments as a list,
/// never a shell; a time limit after which it is killed with its children; what it prints bounded, since it may come
/// from a repository a pull request wrote; and a secret, when it must be passed, on standard input only. Gateways
/// (<see cref="PulumiCli"/>, <c>GitCli</c>) add their program's flags, environment and known errors on top.
/// </summary>
public static class ExternalCommand
{
    /// <summary>What is kept of standard error at most: enough for any program's message, not a flood.</summary>
    public const int MaxErrorChars = 64 * 1024;

    /// <summary>What is kept of standard output unless the caller bounds it.</summary>
    public const long DefaultMaxOutputBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>, killing it after <paramref name="timeout"/>.
    /// A program that cannot start, runs out of time or prints more than <paramref name="maxOutputBytes"/> gives a
    /// result with a <see cref="CommandResult.Problem"/>; cancelling the token kills it and throws.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default,
        string? workingDirectory = null,
        string? standardInput = null,
        long maxOutputBytes = DefaultMaxOutputBytes)
    {
        var startInfo = StartInfo(fileName, arguments, environment, workingDirectory, redirect: true);
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception();
        }
        catch (Win32Exception error)
        {
            return CommandResult.NotRun(CommandFailure.NotStarted, $"{Path.GetFileName(fileName)} could not be started ({error.Message})");
        }
        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var output = ReadBoundedAsync(process.StandardOutput.BaseStream, maxOutputBytes, deadline.Token);
            var error = ReadErrorAsync(process.StandardError, deadline.Token);
            try
            {
                if (standardInput is not null)
                {
                    await process.StandardInput.WriteAsync(standardInput.AsMemory(), deadline.Token);
                }
                process.StandardInput.Close();
                var bytes = await output;
                if (bytes is null)
                {
                    process.Kill(entireProcessTree: true);
                    return CommandResult.NotRun(CommandFailure.TooMuchOutput, $"{Path.GetFileName(fileName)} printed more than {maxOutputBytes / (1024 * 1024)} MiB");
                }
                await process.WaitForExitAsync(deadline.Token);
                return new CommandResult(process.ExitCode, bytes, await error, null);
            }
            catch (Exception failure) when (failure is OperationCanceledException or IOException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return failure is IOException
                    ? CommandResult.NotRun(CommandFailure.StoppedEarly, $"{Path.GetFileName(fileName)} stopped early ({failure.Message})")
                    : CommandResult.NotRun(CommandFailure.TimedOut, $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> on this process's own terminal (its output, its prompts), for a program the
    /// operator watches: <c>pulumi up</c>. When <see cref="RunCancellation.Stop"/> is cancelled it is sent SIGINT, so
    /// that it finishes what it has in flight (unless <paramref name="alreadyInterrupted"/> says the signal reached it
    /// already: a second SIGINT means "terminate now" to Pulumi); it is killed on <see cref="RunCancellation.Abort"/>
    /// or when it has not stopped within <paramref name="grace"/>.
    /// </summary>
    public static async Task<AttachedRun> RunAttachedAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, RunCancellation cancellation,
        TimeSpan grace, Func<bool>? alreadyInterrupted = null)
    {
        Process process;
        try
        {
            process = Process.Start(StartInfo(fileName, arguments, environment, null, redirect: false)) ?? throw new Win32Exception();
        }
        catch (Win32Exception error)
        {
            return new AttachedRun(AttachedEnding.NotStarted, -1, $"{Path.GetFileName(fileName)} could not be started ({error.Message})");
        }
        using (process)
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Stop);
                return new AttachedRun(AttachedEnding.Exited, process.ExitCode, null);
            }
            catch (OperationCanceledException) when (cancellation.IsStopRequested)
            {
            }
            var interrupted = !cancellation.Abort.IsCancellationRequested && ((alreadyInterrupted?.Invoke() ?? false) || Interrupt(process));
            if (interrupted)
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Abort);
                waiting.CancelAfter(grace);
                try
                {
                    await process.WaitForExitAsync(waiting.Token);
                    return new AttachedRun(AttachedEnding.Interrupted, process.ExitCode, null);
                }
                catch (OperationCanceledException)
                {
                    // Killed below: a second signal, or no end within the grace period.
                }
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new AttachedRun(AttachedEnding.Killed, process.ExitCode,
                cancellation.Abort.IsCancellationRequested ? "on a second signal" : $"when it had not stopped {grace.TotalSeconds:0} s after SIGINT");
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, string? workingDirectory, bool redirect)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = redirect,
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
        return startInfo;
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

    // SIGINT, with which a program such as Pulumi stops gracefully (Ctrl-C); false where that is not possible.
    private static bool Interrupt(Process process) =>
        !OperatingSystem.IsWindows() && !process.HasExited && Kill(process.Id, SigInt) == 0;

    private const int SigInt = 2; // the same number on Linux and macOS

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>
/// What a program printed and its exit code; or, in <see cref="Problem"/> and <see cref="Failure"/>, why it did not
/// run to its end.
/// </summary>
public sealed record CommandResult(int ExitCode, byte[] Output, string StandardError, string? Problem, CommandFailure? Failure = null)
{
    /// <summary>True when it ran to its end and exited 0.</summary>
    public bool Succeeded => Problem is null && ExitCode == 0;

    /// <summary>Standard output as UTF-8 text.</summary>
    public string StandardOutput => Encoding.UTF8.GetString(Output);

    /// <summary>How it ended, for a message: "exit N" or why it did not run to its end.</summary>
    public string Ending => Problem ?? $"exit {ExitCode}";

    /// <summary>A program that did not run to its end, for <paramref name="problem"/>.</summary>
    public static CommandResult NotRun(CommandFailure failure, string problem) => new(-1, [], "", problem, failure);
}

/// <summary>Why a program did not run to its end.</summary>
public enum CommandFailure
{
    /// <summary>It could not be started (not installed, not executable).</summary>
    NotStarted,
    /// <summary>It ran past its time limit and was killed.</summary>
    TimedOut,
    /// <summary>It printed more than its bound and was killed.</summary>
    TooMuchOutput,
    /// <summary>Its output broke off.</summary>
    StoppedEarly,
}

/// <summary>How a program on the operator's terminal ended: by itself, stopped by SIGINT, or killed.</summary>
public enum AttachedEnding
{
    /// <summary>It could not start.</summary>
    NotStarted,
    /// <summary>It ran to its end.</summary>
    Exited,
    /// <summary>It stopped after SIGINT, having finished what it had in flight.</summary>
    Interrupted,
    /// <summary>It was killed: a second signal, or no end within the grace period.</summary>
    Killed,
}

/// <summary>The ending of a program run on the operator's terminal, its exit code, and why it was killed or did not start.</summary>
public sealed record AttachedRun(AttachedEnding Ending, int ExitCode, string? Reason);
