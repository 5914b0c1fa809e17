using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// The last-deployment use-case for pipelines: the stack's last outputs without secrets (a plan needs nothing
/// secret), read through <see cref="PulumiCli"/> and saved to a file for <c>tenantdb plan --previous</c>; a stack the
/// backend does not have is a stack never deployed, which is an answer, not a failure. Any other failure (login,
/// backend, a wrong organisation) is one: a guard that could not look must not pass.
/// </summary>
public static partial class LastDeploymentOutputs
{
    /// <summary>Reads and saves; never throws for bad input.</summary>
    public static async Task<LastDeploymentOutputsResult> SaveAsync(LastDeploymentOutputsRequest request, CancellationToken cancellationToken)
    {
        if (!StackNamePattern().IsMatch(request.PulumiStack))
        {
            return LastDeploymentOutputsResult.Refused(request, $"'{request.PulumiStack}' is not a stack name ([<org>/[<project>/]]<stack>: letters, digits, '-', '_' and '.').", usage: true);
        }
        var project = ProjectLocator.Locate(request.WorkingDirectory, request.PulumiStack[(request.PulumiStack.LastIndexOf('/') + 1)..]);
        if (!project.Succeeded)
        {
            return LastDeploymentOutputsResult.Refused(request, project.Problem, usage: true);
        }
        if (PulumiCli.Locate(project.Value.ProjectDirectory) is not { } pulumi)
        {
            return LastDeploymentOutputsResult.Refused(request, LastDeploymentCheck.NotOnPath + $". {PulumiCli.InstallHint}.", usage: true);
        }
        var answer = await pulumi.StackOutputAsync(request.PulumiStack, showSecrets: false, cancellationToken);
        switch (answer.Outcome)
        {
            case PulumiOutcome.Succeeded:
                var outputs = answer.Output.Trim().Length == 0 ? "{}" : answer.Output;
                var read = StackOutputsReader.Read(outputs, $"outputs of stack '{request.PulumiStack}'");
                if (read.Deployment is not { } deployment)
                {
                    return LastDeploymentOutputsResult.Refused(request, read.Problems.FirstOrDefault() ?? "the outputs are unreadable.");
                }
                try
                {
                    await File.WriteAllTextAsync(request.OutputFile, outputs, cancellationToken);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return LastDeploymentOutputsResult.Refused(request, $"{request.OutputFile}: cannot be written ({error.Message}).", usage: true);
                }
                return new LastDeploymentOutputsResult(request, true, deployment.Tenants.Count, null, false);
            case PulumiOutcome.NoSuchStack:
                try
                {
                    // No file means no previous deployment: a stale one from an earlier run must not pass for it.
                    File.Delete(request.OutputFile);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return LastDeploymentOutputsResult.Refused(request, $"{request.OutputFile}: cannot be removed ({error.Message}).", usage: true);
                }
                return new LastDeploymentOutputsResult(request, false, 0, null, false);
            default:
                return LastDeploymentOutputsResult.Refused(request,
                    $"{answer.Problem} The last deployment could not be read, so moved and removed tenants cannot be checked: fix the Pulumi login, backend or organisation.");
        }
    }

    [GeneratedRegex(@"^([A-Za-z0-9_.-]{1,100}/){0,2}[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackNamePattern();
}

/// <summary>Which stack's last outputs to save, and where.</summary>
/// <param name="PulumiStack">The stack as Pulumi knows it: <c>prod</c>, or <c>acme/prod</c> in an organisation.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="OutputFile">The file the outputs are saved to; removed when the stack does not exist.</param>
public sealed record LastDeploymentOutputsRequest(string PulumiStack, string? WorkingDirectory, string OutputFile);

/// <summary>Whether the backend has the stack, how many deployed tenants its outputs list, or why it could not be read.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="StackExists">True when the backend has the stack (its outputs were saved); false when it was never created.</param>
/// <param name="DeployedTenants">Tenants the last deploy lists.</param>
/// <param name="Problem">Why the outputs could not be read.</param>
/// <param name="IsUsageProblem">True for a missing input (no Pulumi.yaml, no CLI, a bad name, an unwritable file).</param>
public sealed record LastDeploymentOutputsResult(
    LastDeploymentOutputsRequest Request, bool StackExists, int DeployedTenants, string? Problem, bool IsUsageProblem)
{
    /// <summary>True when the question was answered: the stack exists (outputs saved) or does not.</summary>
    public bool Succeeded => Problem is null;

    internal static LastDeploymentOutputsResult Refused(LastDeploymentOutputsRequest request, string problem, bool usage = false) =>
        new(request, false, 0, problem, usage);
}
