namespace TenantDatabases.Operations.Deployments;

/// <summary>What the last deployment of a stack is compared with the stack file for.</summary>
/// <param name="Stack">The stack name.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml from, or null for the current folder.</param>
/// <param name="OutputsFile">Saved <c>pulumi stack output --json</c> to read instead of asking the Pulumi CLI.</param>
/// <param name="CreateStack">Create the stack in the backend when it does not exist (only on the operator's explicit request).</param>
public sealed record LastDeploymentRequest(string Stack, string? WorkingDirectory, string? OutputsFile, bool CreateStack);
