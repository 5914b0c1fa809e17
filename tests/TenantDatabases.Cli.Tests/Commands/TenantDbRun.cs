using System.Diagnostics;
using Spectre.Console;
using TenantDatabases.Testing;

namespace TenantDatabases.Cli.Tests.Commands;

/// <summary>Runs tenantdb in this process (captured console) or as a child process (the built tool).</summary>
internal static class TenantDbRun
{
    /// <summary>Runs tenantdb with the output of a pipe or a CI log: no ANSI, not interactive.</summary>
    public static Task<(int ExitCode, string Output)> InProcessAsync(params string[] args) => RunAsync(args, terminal: false);

    /// <summary>Runs tenantdb with the output of an interactive terminal: ANSI sequences, live displays.</summary>
    public static Task<(int ExitCode, string Output)> InTerminalAsync(params string[] args) => RunAsync(args, terminal: true);

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args, bool terminal)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = terminal ? 120 : 400;
        var exitCode = await TenantDbApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }

    /// <summary>Starts the built tenantdb as a child process with its output captured.</summary>
    public static Process Start(IEnumerable<string> args, string? path = null)
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
        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Output)> ChildAsync(IEnumerable<string> args, string? path = null)
    {
        using var process = Start(args, path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
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
