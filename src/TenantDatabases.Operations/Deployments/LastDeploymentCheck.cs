// Deployments: the stack's last deployment: its outputs, the comparison before pulumi up, the plan, the backend's layout.
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Fleet.Planning;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;

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
        var project = load.Location.ProjectDirectory;
        if (PulumiCli.Locate(project) is not { } pulumi)
        {
            return LastDeploymentResult.Refused(NotOnPath, "the Pulumi CLI", refusal: DeploymentRefusal.NoPulumiCli);
        }
        var answer = await pulumi.StackOutputAsync(request.Stack, showSecrets: false, cancellationToken);
        var source = $"stack '{request.Stack}' in {BackendName()}";
        if (StateLayout.LegacyLayoutProblem(Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL"), project) is { } legacy)
        {
            return LastDeploymentResult.Refused(legacy, source);
        }
        // A stack file with a salt and no other provider is a passphrase stack: created so, whatever the backend's default.
        var passphrase = load.File.EncryptionSalt is not null && load.File.SecretsProvider is null or "passphrase";
        switch (answer.Outcome)
        {
            case PulumiOutcome.Succeeded:
                var read = StackOutputsReader.Read(answer.Output.Length == 0 ? "{}" : answer.Output, $"outputs of stack '{request.Stack}'");
                return read.Deployment is { } deployment
                    ? LastDeploymentResult.Compared(PlanComparison.Compare(plan, deployment), source)
                    : LastDeploymentResult.Refused(read.Problems.FirstOrDefault() ?? "the stack's outputs are unreadable.", source);
            case PulumiOutcome.NoSuchStack when request.CreateStack:
                var created = await pulumi.StackInitAsync(request.Stack, passphrase, cancellationToken);
                return created.Succeeded
                    ? LastDeploymentResult.Compared(PlanComparison.Compare(plan, PreviousDeployment.None), source, created: true)
                    : LastDeploymentResult.Refused(created.Problem ?? "", source);
            case PulumiOutcome.NoSuchStack:
                return LastDeploymentResult.Refused(
                    $"Stack '{request.Stack}' does not exist in {BackendName()}. If it is new, create it with " +
                    $"`{PulumiCli.InitCommand(request.Stack, passphrase)}` (or rerun deploy with --create-stack); " +
                    "if it was deployed from another backend, log in to that one with `pulumi login <backend URL>`. Nothing was changed.", source,
                    refusal: DeploymentRefusal.NoSuchStack);
            case PulumiOutcome.NotLoggedIn:
                return LastDeploymentResult.Refused(
                    "The Pulumi CLI is logged in to no backend. Log in to the stack's backend (`pulumi login` for Pulumi Cloud, " +
                    "`pulumi login s3://<bucket>` or another), or keep the state on this machine with " +
                    $"`pulumi login file://{Path.Combine(project, ".pulumi-state")}` (or set PULUMI_BACKEND_URL). Nothing was changed.", source,
                    refusal: DeploymentRefusal.NotLoggedIn);
            default:
                return LastDeploymentResult.Refused($"{answer.Problem} Nothing was changed.", source);
        }
    }

    /// <summary>The problem when there is no Pulumi CLI to ask.</summary>
    public const string NotOnPath = "the Pulumi CLI (`pulumi`) is not on PATH, so the stack's last deployment could not be read";

    private static string BackendName() =>
        Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL") is { Length: > 0 } url
            ? $"the backend {url}"
            : "the backend the Pulumi CLI is logged in to (`pulumi whoami -v` names it)";
}

/// <summary>What the last deployment of a stack is compared with the stack file for.</summary>
/// <param name="Stack">The stack name.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml from, or null for the current folder.</param>
/// <param name="OutputsFile">Saved <c>pulumi stack output --json</c> to read instead of asking the Pulumi CLI.</param>
/// <param name="CreateStack">Create the stack in the backend when it does not exist (only on the operator's explicit request).</param>
public sealed record LastDeploymentRequest(string Stack, string? WorkingDirectory, string? OutputsFile, bool CreateStack);

/// <summary>
/// The stack file's plan compared with the stack's last deployment; or the problem that kept the comparison from
/// being made, which is a reason to stop too: a guard that cannot look must not let a deploy through.
/// </summary>
/// <param name="Comparison">Every tenant's change and the problems they cause, when the comparison was made.</param>
/// <param name="Source">Where the last deployment was read from (for the summary).</param>
/// <param name="StackCreated">True when the stack did not exist and was created on request: a first deploy.</param>
/// <param name="Problem">What stopped the comparison, with its fix.</param>
/// <param name="IsUsageProblem">True when an input was missing or unreadable (exit 2) rather than wrong.</param>
/// <param name="Refusal">Why no comparison was made, where the reason has a fix of its own (deploy's advice).</param>
public sealed record LastDeploymentResult(
    PlanComparison? Comparison, string Source, bool StackCreated, string? Problem, bool IsUsageProblem, DeploymentRefusal Refusal = DeploymentRefusal.None)
{
    /// <summary>True when the comparison found a deployed tenant moved: the refusal a deploy explains as "tenants never move".</summary>
    public bool MovesATenant => Comparison?.Changes.Any(change => change.Kind == TenantChangeKind.Moved) ?? false;

    /// <summary>True when the comparison was made and found no error: nothing deployed moves or is lost.</summary>
    [MemberNotNullWhen(true, nameof(Comparison))]
    public bool Succeeded => Comparison is not null && Problem is null && !Comparison.Errors.Any();

    internal static LastDeploymentResult Compared(PlanComparison comparison, string source, bool created = false) =>
        new(comparison, source, created, null, false);

    internal static LastDeploymentResult Refused(string problem, string source, bool isUsageProblem = false, DeploymentRefusal refusal = DeploymentRefusal.None) =>
        new(null, source, false, problem, isUsageProblem, refusal);
}

/// <summary>The reasons a comparison with the last deployment could not be made that have a fix of their own.</summary>
public enum DeploymentRefusal
{
    /// <summary>No such reason: the comparison was made, or failed otherwise.</summary>
    None,
    /// <summary>The Pulumi CLI is not installed.</summary>
    NoPulumiCli,
    /// <summary>The backend has no such stack (and none was asked to be created).</summary>
    NoSuchStack,
    /// <summary>The CLI is logged in to no backend.</summary>
    NotLoggedIn,
}
