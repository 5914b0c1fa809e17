using System.Text.Json;

namespace TenantDatabases.Cli.Deploy;

/// <summary>
/// The real stages: validate, preflight, migrate and verify run in-process through the same command
/// tree as <c>tenantdb</c> itself (their output captured), and <c>pulumi up</c> as the Pulumi CLI.
/// </summary>
public sealed class CommandTreeStageRunner(PulumiUpStage pulumiUp) : IDeployStageRunner
{
    /// <summary>A runner that uses the Pulumi CLI found on PATH (if any).</summary>
    public CommandTreeStageRunner()
        : this(new PulumiUpStage(PulumiCli.Find()))
    {
    }

    /// <inheritdoc />
    public async Task<StageResult> RunAsync(DeployStage stage, DeployRequest request, CancellationToken cancellationToken)
    {
        if (stage == DeployStage.PulumiUp)
        {
            return await pulumiUp.RunAsync(request, cancellationToken);
        }
        var reportFile = StageCommandLine.WritesReport(stage)
            ? Path.Combine(Path.GetTempPath(), $"tenantdb-deploy-{Guid.NewGuid():N}.json")
            : null;
        try
        {
            using var captured = new CapturedConsole();
            var exitCode = await TenantDbApp.RunAsync([.. StageCommandLine.For(stage, request, reportFile)], captured.Console);
            var output = captured.Text;
            return new StageResult(
                stage,
                exitCode == ExitCodes.Success ? StageStatus.Passed : StageStatus.Failed,
                exitCode,
                StageSummaryLine.From(output, exitCode),
                output,
                ReadReport(reportFile));
        }
        finally
        {
            if (reportFile is not null && File.Exists(reportFile))
            {
                File.Delete(reportFile);
            }
        }
    }

    private static JsonElement? ReadReport(string? reportFile)
    {
        if (reportFile is null || !File.Exists(reportFile))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(reportFile));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null; // a stage's unreadable report must not hide the stage's own result
        }
    }
}
