namespace TenantDatabases.Cli.Deploy;

/// <summary>The <c>tenantdb</c> arguments each in-process stage runs with (only options of the command contract).</summary>
public static class StageCommandLine
{
    /// <summary>
    /// The arguments for <paramref name="stage"/>; <paramref name="reportFile"/> is where preflight,
    /// migrate and verify write their JSON report for deploy's own report.
    /// </summary>
    public static IReadOnlyList<string> For(DeployStage stage, DeployRequest request, string? reportFile)
    {
        var arguments = new List<string> { CommandName(stage) };
        // migrate and verify need nothing of the stack but its outputs: from the saved file when there is one.
        if (request.OutputsFile is { } outputs && stage is DeployStage.Migrate or DeployStage.Verify)
        {
            arguments.AddRange(["--outputs", outputs]);
        }
        else
        {
            arguments.AddRange(["--stack", request.Stack]);
            if (request.WorkingDirectory is { } cwd)
            {
                arguments.AddRange(["--cwd", cwd]);
            }
        }
        if (reportFile is not null && WritesReport(stage))
        {
            arguments.AddRange(["--report", reportFile]);
        }
        return arguments;
    }

    /// <summary>True for the stages whose command has <c>--report</c>.</summary>
    public static bool WritesReport(DeployStage stage) =>
        stage is DeployStage.Preflight or DeployStage.Migrate or DeployStage.Verify;

    /// <summary>The <c>tenantdb</c> command of an in-process stage.</summary>
    public static string CommandName(DeployStage stage) => stage switch
    {
        DeployStage.Validate => "validate",
        DeployStage.Preflight => "preflight",
        DeployStage.Migrate => "migrate",
        DeployStage.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "pulumi up is not a tenantdb command"),
    };
}
