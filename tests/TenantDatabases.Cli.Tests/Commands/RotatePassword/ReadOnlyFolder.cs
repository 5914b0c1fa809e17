using System.Diagnostics;

namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>
/// Makes a folder refuse new files, for root too: file modes first, and where they do not bind (root ignores them)
/// the immutable attribute (<c>chattr +i</c>). Fails the test when neither makes the folder read-only.
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly string folder;
    private bool immutable;

    public ReadOnlyFolder(string folder)
    {
        this.folder = folder;
        SetMode((UnixFileMode)0b101_101_101);
        if (CanWrite())
        {
            immutable = Chattr("+i");
        }
        Assert.False(CanWrite(), $"{folder} cannot be made read-only here (file modes and chattr +i both leave it writable).");
    }

    public void Dispose()
    {
        if (immutable)
        {
            Chattr("-i");
        }
        SetMode((UnixFileMode)0b111_101_101);
    }

    private void SetMode(UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, mode);
        }
    }

    private bool CanWrite()
    {
        var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private bool Chattr(string flag)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, folder]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
