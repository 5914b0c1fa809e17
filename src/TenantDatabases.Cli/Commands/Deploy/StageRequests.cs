using TenantDatabases.Operations.Deployments;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Tenants;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>What each stage's use-case is asked: the request's stack and folder, with the defaults of each command.</summary>
internal static class StageRequests
{
    /// <summary>Preflight reads the stack (never the saved outputs), with the command's default timeout.</summary>
    public static PreflightRequest Preflight(DeployRequest request) =>
        new(request.Stack, request.WorkingDirectory, null, FleetPreflight.DefaultTimeout);

    /// <summary>
    /// migrate and verify need nothing of the stack but its outputs: from the saved file when there is one, else
    /// from the Pulumi CLI run in the request's folder.
    /// </summary>
    public static TenantRunRequest Tenants(DeployRequest request) =>
        TenantRunRequest.Everyone(request.Stack, request.WorkingDirectory, request.OutputsFile);

    /// <summary>The stack stage compares with the saved outputs when there are some, else asks the backend.</summary>
    public static LastDeploymentRequest LastDeployment(DeployRequest request) =>
        new(request.Stack, request.WorkingDirectory, request.OutputsFile, request.CreateStack);

    /// <summary>Every tenant, with the defaults of <c>tenantdb migrate</c> and the request's scripts.</summary>
    public static MigrationRequest Migrate(DeployRequest request) => MigrationRequest.Defaults(Tenants(request), request.ScriptsFolder);

    /// <summary>Every tenant, checked against the same scripts migrate applied.</summary>
    public static VerificationRequest Verify(DeployRequest request) => new(Tenants(request), request.ScriptsFolder);
}
