namespace TenantDatabases.Operations.StackOutputs;

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
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return null;
        }
        var mode = File.GetUnixFileMode(path);
        return (mode & ReadableByOthers) == 0 ? null
            : $"{path} holds every tenant's password and other users can read it (mode {Convert.ToString((int)mode, 8)}); " +
              $"run 'chmod 600 {path}', and delete it when the deployment is done.";
    }
}
