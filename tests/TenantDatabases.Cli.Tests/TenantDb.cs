using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Testing;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests;

/// <summary>
/// The one way the tests run tenantdb: in this process on Spectre's <see cref="TestConsole"/> (as a pipe or a CI
/// log sees it, or as an interactive terminal), or the built tool as a child process. Every in-process run is
/// checked for what no run may ever print: a stack trace or a secret of the sample files.
/// </summary>
public static class TenantDb
{
    /// <summary>The folder of the sample stacks (copied beside the test assembly).</summary>
    public static string Stacks { get; } = Path.Combine(AppContext.BaseDirectory, "Stacks");

    /// <summary>Secrets that appear in sample files; no output may contain them.</summary>
    public static readonly string[] Secrets = ["Pl4inTextPassw0rd", "Tenant-Secret-Pw-1", "Tenant-Secret-Pw-2"];

    /// <summary>Runs tenantdb with the output of a pipe or a CI log: no ANSI, not interactive.</summary>
    public static Task<CommandRun> RunAsync(params string[] args) => RunAsync(args, terminal: false);

    /// <summary>Runs tenantdb with the output of an interactive terminal: ANSI sequences, live displays.</summary>
    public static Task<CommandRun> InTerminalAsync(params string[] args) => RunAsync(args, terminal: true);

    private static async Task<CommandRun> RunAsync(string[] args, bool terminal)
    {
        var console = new TestConsole { EmitAnsiSequences = terminal }.Width(terminal ? 120 : 400);
        console.Profile.Capabilities.Interactive = terminal;
        console.Profile.Capabilities.Ansi = terminal;
        if (terminal)
        {
            console.Colors(ColorSystem.Standard);
        }
        var exitCode = await TenantDbApp.RunAsync(args, console);
        var output = console.Output;
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, output);
        }
        return new CommandRun(exitCode, output);
    }

    /// <summary>A fresh copy of the sample stacks for tests that write.</summary>
    public static string CopyOfStacks()
    {
        var target = Path.Combine(Path.GetTempPath(), "tenantdb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Stacks))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    /// <summary>Starts the built tenantdb as a child process with its output redirected (as in a CI log).</summary>
    public static Process Start(IEnumerable<string> args, string? path = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Dotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tenantdb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs the built tenantdb to its end; its standard output, then its standard error.</summary>
    public static async Task<CommandRun> ChildAsync(IEnumerable<string> args, string? path = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, path, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandRun(process.ExitCode, await stdout + await stderr);
    }

    public static string WriteOutputs(IEnumerable<ProvisionedTenant> tenants)
    {
        var path = Path.Combine(Path.GetTempPath(), "tenantdb-outputs", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ProvisionedTenant.StackOutputsJson(tenants));
        return path;
    }

    public static string WriteScripts(params (string Name, string Sql)[] scripts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tenantdb-scripts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, sql) in scripts)
        {
            File.WriteAllText(Path.Combine(folder, name), sql);
        }
        return folder;
    }

    public static string TempFile(string extension) =>
        Path.Combine(Path.GetTempPath(), "tenantdb-reports", Guid.NewGuid().ToString("N") + extension);

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Process.GetCurrentProcess().MainModule!.FileName;
}
