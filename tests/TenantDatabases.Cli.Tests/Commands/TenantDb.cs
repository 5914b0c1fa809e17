using Spectre.Console.Testing;

namespace TenantDatabases.Cli.Tests.Commands;

/// <summary>Runs tenantdb in-process on a test console and checks what every run must never print.</summary>
internal static class TenantDb
{
    /// <summary>The folder of the sample stacks (copied beside the test assembly).</summary>
    public static string Stacks { get; } = Path.Combine(AppContext.BaseDirectory, "Stacks");

    /// <summary>Secrets that appear in sample files; no output may contain them.</summary>
    public static readonly string[] Secrets = ["Pl4inTextPassw0rd", "Tenant-Secret-Pw-1", "Tenant-Secret-Pw-2"];

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var exitCode = await TenantDbApp.RunAsync(args, console);
        var output = console.Output;
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, output);
        }
        return (exitCode, output);
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
}
