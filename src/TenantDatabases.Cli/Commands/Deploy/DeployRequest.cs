namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>What <c>tenantdb deploy</c> was asked to do.</summary>
/// <param name="Stack">The stack name (<c>Pulumi.&lt;stack&gt;.yaml</c>).</param>
/// <param name="WorkingDirectory">The <c>--cwd</c> folder, or null for the current one.</param>
/// <param name="Yes">Pass <c>--yes</c> to <c>pulumi up</c> (no confirmation prompt).</param>
/// <param name="SkipUp">Leave <c>pulumi up</c> out (a pipeline runs it as its own step).</param>
/// <param name="OutputsFile">
/// With <paramref name="SkipUp"/>: the stack outputs of the <c>pulumi up</c> that ran elsewhere, which migrate and
/// verify read instead of asking the Pulumi CLI; null to ask it.
/// </param>
/// <param name="CreateStack">Create the stack in the backend when it does not exist yet (asked for explicitly, never assumed).</param>
/// <param name="ScriptsFolder">The scripts migrate applies and verify checks (<c>--scripts</c>); null for migrations/ beside Pulumi.yaml.</param>
internal sealed record DeployRequest(
    string Stack, string? WorkingDirectory, bool Yes, bool SkipUp, string? OutputsFile = null, bool CreateStack = false, string? ScriptsFolder = null);
