using System.Diagnostics;

namespace TenantDatabases.Cli.Tests.RunCommand;

/// <summary>
/// scripts/install-tenantdb.sh as a newcomer runs it: `tenantdb` is packed from the repository and installed as a
/// .NET tool, with every network route closed (a proxy that refuses), and a second run replaces the first install.
/// Runs with the run command's tests, alone: both build the tool.
/// </summary>
[Collection(RunScriptTests.Name)]
public sealed class InstallScriptTests : IDisposable
{
    private readonly string tools = Directory.CreateTempSubdirectory("tenantdb-tools-").FullName;

    [Fact]
    public async Task TheInstallScriptPutsAWorkingTenantdbInTheToolFolderOfflineAndUpdatesItOnASecondRun()
    {
        var first = await RunAsync("bash", "scripts/install-tenantdb.sh", "--tool-path", tools);
        var second = await RunAsync("bash", "scripts/install-tenantdb.sh", "--tool-path", tools);
        var help = await RunAsync(Path.Combine(tools, "tenantdb"), "--help");
        var validate = await RunAsync(Path.Combine(tools, "tenantdb"), "validate", "--stack", "dev");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"Installed tenantdb 0.0.0-local.", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("tenantdb [OPTIONS] <COMMAND>", help.Output);
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains("Pulumi.dev.yaml: valid", validate.Output);
    }

    [Fact]
    public async Task AnythingButToolPathIsAUsageError()
    {
        var run = await RunAsync("bash", "scripts/install-tenantdb.sh", "--global-ish");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: scripts/install-tenantdb.sh [--tool-path <dir>]", run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryFolder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        // No route to any feed: the install must need none.
        start.Environment["http_proxy"] = start.Environment["https_proxy"] = start.Environment["HTTP_PROXY"] = start.Environment["HTTPS_PROXY"] = "http://127.0.0.1:9";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(tools, recursive: true);
}
