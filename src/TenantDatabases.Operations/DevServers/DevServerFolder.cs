using System.Security.Cryptography;
using System.Text;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Operations.DevServers;

/// <summary>
/// Where the dev servers keep their data: <c>.dev-servers/</c> in the project (git-ignored), unless the
/// unprivileged user the servers run as under root cannot reach it (a home folder with mode 0700); then
/// a folder under /var/tmp named after the project, the same on every run.
/// </summary>
public sealed record DevServerFolder(string Root, string? FallbackReason)
{
    /// <summary>The folder name inside the project.</summary>
    public const string InProject = ".dev-servers";

    /// <summary>Decides (and creates) the folder for <paramref name="projectDirectory"/>.</summary>
    public static async Task<DevServerFolder> ResolveAsync(string projectDirectory, LocalServerUser user, CancellationToken cancellationToken)
    {
        var preferred = Path.Combine(projectDirectory, InProject);
        if (user.RunAsName is null)
        {
            Directory.CreateDirectory(preferred);
            return new DevServerFolder(preferred, null);
        }
        CreateTraversable(preferred);
        if (await CanReachAsync(user.RunAsName, preferred, cancellationToken))
        {
            return new DevServerFolder(preferred, null);
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(projectDirectory))))[..12].ToLowerInvariant();
        var shared = Path.Combine("/var/tmp", "tenantdb-dev-servers");
        CreateTraversable(shared);
        var fallback = Path.Combine(shared, hash);
        CreateTraversable(fallback);
        return new DevServerFolder(fallback,
            $"The user '{user.RunAsName}' that runs the servers cannot reach {preferred}, so their data is under {fallback}.");
    }

    private static void CreateTraversable(string folder)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
    }

    private static async Task<bool> CanReachAsync(string userName, string folder, CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync("runuser", ["-u", userName, "--", "test", "-x", folder], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        return result.Succeeded;
    }
}
