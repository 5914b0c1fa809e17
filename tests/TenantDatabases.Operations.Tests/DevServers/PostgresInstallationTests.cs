using TenantDatabases.Operations.DevServers;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Operations.Tests.DevServers;

public sealed class PostgresInstallationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tenantdb-apt-" + Guid.NewGuid().ToString("N")[..8]);

    public PostgresInstallationTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task FoundBinariesAreUsedWithoutInstalling()
    {
        var binaries = new PostgresBinaries("/opt/pg/bin");
        var messages = new List<string>();

        var (found, failure) = await PostgresInstallation.FindOrInstallAsync(() => binaries, isRoot: true, AptGet(0), messages.Add, CancellationToken.None);

        Assert.Same(binaries, found);
        Assert.Null(failure);
        Assert.Empty(messages);
        Assert.False(File.Exists(Path.Combine(folder, "calls")));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task WithoutRootOrAptGetItSaysExactlyWhatToInstall(bool isRoot, bool hasAptGet)
    {
        var (found, failure) = await PostgresInstallation.FindOrInstallAsync(() => null, isRoot, hasAptGet ? AptGet(0) : null, _ => { }, CancellationToken.None);

        Assert.Null(found);
        Assert.Contains(PostgresBinaries.InstallHint, failure);
        Assert.False(File.Exists(Path.Combine(folder, "calls")));
    }

    [Fact]
    public async Task AsRootWithAptGetItInstallsDebiansPostgresqlPackage()
    {
        var installed = new PostgresBinaries("/usr/lib/postgresql/99/bin");
        var calls = 0;

        var (found, failure) = await PostgresInstallation.FindOrInstallAsync(() => calls++ == 0 ? null : installed, isRoot: true, AptGet(0), _ => { }, CancellationToken.None);

        Assert.Same(installed, found);
        Assert.Null(failure);
        Assert.Equal(["update -qq", "install -y -qq postgresql"], await File.ReadAllLinesAsync(Path.Combine(folder, "calls")));
    }

    [Fact]
    public async Task AFailedInstallSaysWhatFailedAndWhatToInstall()
    {
        var (found, failure) = await PostgresInstallation.FindOrInstallAsync(() => null, isRoot: true, AptGet(100), _ => { }, CancellationToken.None);

        Assert.Null(found);
        Assert.Contains("'apt-get update -qq' failed (exit 100)", failure);
        Assert.Contains(PostgresBinaries.InstallHint, failure);
    }

    // Stands in for apt-get: records its arguments and exits with the given code.
    private string AptGet(int exitCode)
    {
        var script = Path.Combine(folder, "apt-get");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$*\" >> '{Path.Combine(folder, "calls")}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }
        return script;
    }
}
