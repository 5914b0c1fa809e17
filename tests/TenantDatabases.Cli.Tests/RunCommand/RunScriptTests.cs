using System.Diagnostics;

namespace TenantDatabases.Cli.Tests.RunCommand;

/// <summary>
/// scripts/run.sh as a newcomer runs it, with a stand-in <c>pulumi</c> on PATH that records every call: the dev
/// stack deploys on Pulumi's own file backend in the repository, is created because it is the dev stack, and gets
/// its passphrase through the environment only (that no other stack is created unasked: DeployOnLocalServersTests).
/// Starts and stops the dev stack's servers.
/// </summary>
[Collection(RunScriptTests.Name)]
public sealed class RunScriptTests : IDisposable
{
    public const string Name = "the run command";

    private const string DevPassphrase = "tenantdb-dev-passphrase";

    private readonly string standIn = Directory.CreateTempSubdirectory("tenantdb-run-pulumi-").FullName;

    // Dev servers someone already runs from this checkout are left running; the ones run.sh starts here are stopped.
    private readonly bool devServersWereRunning = Listening(54321) || Listening(54322);

    private string Log => Path.Combine(standIn, "calls");

    [Fact]
    public async Task TheRunCommandDeploysDevOnAFileBackendCreatingOnlyTheDevStackWithThePassphraseInTheEnvironmentOnly()
    {
        var initialised = Path.Combine(standIn, "initialised");
        WriteStandIn($$$"""
            #!/bin/sh
            printf '%s|%s|%s\n' "${PULUMI_BACKEND_URL:-}" "${PULUMI_CONFIG_PASSPHRASE:-}" "$*" >> '{{{Log}}}'
            case "$1 $2" in
              "stack output")
                if [ ! -f '{{{initialised}}}' ]; then echo "error: no stack named 'dev' found" >&2; exit 255; fi
                echo '{"tenants": {}, "servers": {}, "placements": {}}' ;;
              "stack init") touch '{{{initialised}}}' ;;
              "up "*) echo "Resources: 0 unchanged" ;;
              *) echo "unexpected: pulumi $*" >&2; exit 3 ;;
            esac
            """);
        var state = RepositoryFolder.Path(".pulumi-state");
        var stateExisted = Directory.Exists(state);

        var (exitCode, output) = await RunAsync("bash", "scripts/run.sh", "--yes");

        Assert.True(exitCode == 0, output);
        var calls = File.ReadAllLines(Log).Select(line => line.Split('|', 3)).ToList();
        Assert.All(calls, call => Assert.Equal($"file://{state}", call[0]));
        Assert.All(calls, call => Assert.Equal(DevPassphrase, call[1]));
        Assert.All(calls, call => Assert.DoesNotContain(DevPassphrase, call[2]));
        var arguments = calls.Select(call => call[2]).ToList();
        var init = arguments.FindIndex(call => call.StartsWith("stack init", StringComparison.Ordinal));
        var up = arguments.FindIndex(call => call.StartsWith("up", StringComparison.Ordinal));
        Assert.Equal("stack init --secrets-provider passphrase --stack dev --non-interactive", Assert.Single(arguments, call => call.StartsWith("stack init", StringComparison.Ordinal)));
        Assert.True(init >= 0 && up > init, string.Join("\n", arguments));
        Assert.True(Directory.Exists(state));
        if (!stateExisted)
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private void WriteStandIn(string script)
    {
        var path = Path.Combine(standIn, "pulumi");
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryFolder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var realPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(folder => !File.Exists(Path.Combine(folder, "pulumi")));
        start.Environment["PATH"] = string.Join(Path.PathSeparator, [standIn, .. realPath]);
        start.Environment.Remove("PULUMI_BACKEND_URL");
        start.Environment.Remove("PULUMI_CONFIG_PASSPHRASE");
        start.Environment.Remove("PULUMI_CONFIG_PASSPHRASE_FILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool Listening(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (devServersWereRunning)
        {
            Directory.Delete(standIn, recursive: true);
            return;
        }
        // The dev stack's servers, which run.sh started, stop with the test.
        using var stop = Process.Start(new ProcessStartInfo("dotnet", ["src/TenantDatabases.Cli/bin/Release/net10.0/tenantdb.dll", "dev-servers", "stop", "--stack", "dev"])
        {
            WorkingDirectory = RepositoryFolder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        stop.WaitForExit(TimeSpan.FromMinutes(1));
        Directory.Delete(standIn, recursive: true);
    }
}

[CollectionDefinition(RunScriptTests.Name, DisableParallelization = true)]
public sealed class RunScriptCollection;
