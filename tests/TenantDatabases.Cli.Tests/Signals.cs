using System.Runtime.InteropServices;

namespace TenantDatabases.Cli.Tests;

/// <summary>SIGINT and SIGTERM to a child process, as a cancelled CI job sends them (Process.Kill only sends SIGKILL).</summary>
public static partial class Signals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    public static void Send(System.Diagnostics.Process process, int signal) =>
        Assert.True(Kill(process.Id, signal) == 0, $"kill({process.Id}, {signal}) failed");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
