namespace TenantDatabases.Cli.Tests.Output;

/// <summary>
/// Every command with --report checks its path the same way before any work: a folder that does not exist is a
/// usage error (exit 2) naming it, and nothing is created.
/// </summary>
public sealed class ReportFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tenantdb-report-").FullName;

    public static TheoryData<string[]> CommandsWithAReport() =>
    [
        ["preflight", "--stack", "valid"],
        ["migrate", "--outputs", "{folder}/outputs.json"],
        ["verify", "--outputs", "{folder}/outputs.json"],
        ["deploy", "--stack", "valid"],
        ["status", "--stack", "valid"],
    ];

    [Theory]
    [MemberData(nameof(CommandsWithAReport))]
    public async Task AReportInAFolderThatDoesNotExistIsRefusedBeforeAnyWork(string[] command)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "outputs.json"), "{\"tenants\": {}}");
        var missing = Path.Combine(_folder, "absent");
        var report = Path.Combine(missing, "report.json");

        var run = await TenantDb.RunAsync([.. command.Select(arg => arg.Replace("{folder}", _folder)), "--cwd", TenantDb.Stacks, "--report", report]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"--report {report}: the folder {missing} does not exist", run.Output);
        Assert.False(Directory.Exists(missing));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
