namespace TenantDatabases.EndToEnd.Tests;

/// <summary><c>tenantdb</c> as an operator runs it: the built tool, in the project folder.</summary>
internal static class OperatorTool
{
    public static async Task<ProcessRun> SucceedsAsync(string projectDirectory, string passphrase, params string[] arguments)
    {
        var run = await ProcessRun.RunAsync("dotnet", [RepositoryFiles.TenantDbAssembly, .. arguments], projectDirectory,
            new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE"] = passphrase }, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"`tenantdb {string.Join(' ', arguments)}` exited {run.ExitCode}:\n{run.Output}");
        return run;
    }
}
