using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>SIGINT to a child process: the signal with which a program such as Pulumi stops gracefully (Ctrl-C).</summary>
internal static partial class ProcessInterrupt
{
    private const int SigInt = 2; // the same number on Linux and macOS

    /// <summary>Sends SIGINT to <paramref name="process"/>; false where that is not possible (Windows, or it has exited).</summary>
    public static bool Send(Process process)
    {
        if (OperatingSystem.IsWindows() || process.HasExited)
        {
            return false;
        }
        return Kill(process.Id, SigInt) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
