using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.StackOutputs;

namespace TenantDatabases.Operations.Deployments;

/// <summary>
/// Deploy's guard before <c>pulumi up</c>: the stack must exist in the backend (created only when the operator asks),
/// and the stack file's plan must move no deployed tenant. The same comparison the Pulumi program makes, so a
/// deploy stops with the fix before Pulumi even starts, and never creates an empty stack for a typo.
/// </summary>
public static class LastDeploymentCheck
{
    /// <summary>Compares; never throws for bad input.</summary>
    public static async Task<LastDeploymentResult> RunAsync(LastDeploymentRequest request, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        if (!load.IsValid)
        {
            return LastDeploymentResult.Refused(load.Problem ?? $"{load.DisplayFile} is invalid: run `tenantdb validate --stack {request.Stack}`.",
                load.DisplayFile ?? request.Stack, load.IsUsageProblem);
        }
        var plan = FleetPlanner.Plan(load.Configuration);
        if (request.OutputsFile is { } file)
        {
            var saved = await StackOutputsSource.ReadFileAsync(file, TextReader.Null, cancellationToken);
            return saved.Deployment is { } deployment
                ? LastDeploymentResult.Compared(PlanComparison.Compare(plan, deployment), file)
                : LastDeploymentResult.Refused(saved.Problems.FirstOrDefault() ?? $"{file}: unreadable.", file, isUsageProblem: true);
        }
        if (PulumiCli.Find() is not { } pulumi)
        {
            return LastDeploymentResult.Refused(NotOnPath, "the Pulumi CLI");
        }
        var project = load.Location.ProjectDirectory;
        var backend = await BackendStack.ReadOutputsAsync(pulumi, request.Stack, project, cancellationToken);
        var source = $"stack '{request.Stack}' in {BackendName()}";
        if (StateLayout.LegacyLayoutProblem(Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL"), project) is { } legacy)
        {
            return LastDeploymentResult.Refused(legacy, source);
        }
        // A stack file with a salt and no other provider is a passphrase stack: created so, whatever the backend's default.
        var passphrase = load.File.EncryptionSalt is not null && load.File.SecretsProvider is null or "passphrase";
        switch (backend.State)
        {
            case BackendStackState.Found:
                var read = StackOutputsReader.Read(backend.OutputsJson ?? "{}", $"outputs of stack '{request.Stack}'");
                return read.Deployment is { } deployment
                    ? LastDeploymentResult.Compared(PlanComparison.Compare(plan, deployment), source)
                    : LastDeploymentResult.Refused(read.Problems.FirstOrDefault() ?? "the stack's outputs are unreadable.", source);
            case BackendStackState.Missing when request.CreateStack:
                return await BackendStack.InitAsync(pulumi, request.Stack, project, passphrase, cancellationToken) is { } failed
                    ? LastDeploymentResult.Refused(failed, source)
                    : LastDeploymentResult.Compared(PlanComparison.Compare(plan, PreviousDeployment.None), source, created: true);
            case BackendStackState.Missing:
                return LastDeploymentResult.Refused(
                    $"Stack '{request.Stack}' does not exist in {BackendName()}. If it is new, create it with " +
                    $"`pulumi {string.Join(' ', BackendStack.InitArguments(request.Stack, passphrase))}` (or rerun deploy with --create-stack); " +
                    "if it was deployed from another backend, log in to that one with `pulumi login <backend URL>`. Nothing was changed.", source);
            case BackendStackState.NotLoggedIn:
                return LastDeploymentResult.Refused(
                    "The Pulumi CLI is logged in to no backend. Log in to the stack's backend (`pulumi login` for Pulumi Cloud, " +
                    "`pulumi login s3://<bucket>` or another), or keep the state on this machine with " +
                    $"`pulumi login file://{Path.Combine(project, ".pulumi-state")}` (or set PULUMI_BACKEND_URL). Nothing was changed.", source);
            default:
                return LastDeploymentResult.Refused($"{backend.Problem} Nothing was changed.", source);
        }
    }

    /// <summary>The problem when there is no Pulumi CLI to ask.</summary>
    public const string NotOnPath = "the Pulumi CLI (`pulumi`) is not on PATH, so the stack's last deployment could not be read";

    private static string BackendName() =>
        Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL") is { Length: > 0 } url
            ? $"the backend {url}"
            : "the backend the Pulumi CLI is logged in to (`pulumi whoami -v` names it)";
}
