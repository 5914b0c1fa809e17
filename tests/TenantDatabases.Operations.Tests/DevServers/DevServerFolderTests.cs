using TenantDatabases.Operations.DevServers;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Operations.Tests.DevServers;

public sealed class DevServerFolderTests
{
    [Fact]
    public async Task DataGoesUnderTheProjectWhenTheServerUserCanReachIt()
    {
        var project = Path.Combine(Path.GetTempPath(), "tenantdb-folder-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(project);
        try
        {
            var folder = await DevServerFolder.ResolveAsync(project, LocalServerUser.Current(), CancellationToken.None);

            Assert.Equal(Path.Combine(project, ".dev-servers"), folder.Root);
            Assert.Null(folder.FallbackReason);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task UnderRootAProjectTheServerUserCannotReachFallsBackToAStableFolderAndSaysWhere()
    {
        var user = LocalServerUser.Current();
        var locked = Path.Combine(Path.GetTempPath(), "tenantdb-locked-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(locked, "repo");
        Directory.CreateDirectory(project);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            var first = await DevServerFolder.ResolveAsync(project, user, CancellationToken.None);
            var second = await DevServerFolder.ResolveAsync(project, user, CancellationToken.None);

            Assert.Equal(first.Root, second.Root);
            if (user.RunAsName is null)
            {
                Assert.Equal(Path.Combine(project, ".dev-servers"), first.Root);
                return;
            }
            Assert.StartsWith("/var/tmp/tenantdb-dev-servers/", first.Root);
            Assert.Contains(first.Root, first.FallbackReason);
            Assert.Contains($"'{user.RunAsName}'", first.FallbackReason);
            Directory.Delete(first.Root);
        }
        finally
        {
            Directory.Delete(locked, recursive: true);
        }
    }
}
