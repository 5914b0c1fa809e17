namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>What happened to one stage of a deployment.</summary>
internal enum StageStatus
{
    /// <summary>The stage ran and succeeded (warnings allowed).</summary>
    Passed,

    /// <summary>The stage ran and failed: the deployment stopped here.</summary>
    Failed,

    /// <summary>The stage was left out on purpose (<c>pulumi up</c> with <c>--skip-up</c>).</summary>
    Skipped,

    /// <summary>An earlier stage failed, or the deployment was cancelled, so this one never started.</summary>
    NotRun,

    /// <summary>The deployment was cancelled (SIGINT/SIGTERM) while this stage ran: it stopped, and says where it stopped.</summary>
    Cancelled,
}
