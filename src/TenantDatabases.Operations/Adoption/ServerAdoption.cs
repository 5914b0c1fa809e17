// Adoption: the adopt use-case: a server's catalog read as its admin, read-only, and the adoptable databases written into the stack file.
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Adoption;

/// <summary>
/// The adopt use-case: loads the stack with its servers' admin passwords (as preflight does), reads the server's catalog
/// in a read-only session, lets Fleet decide which databases become which tenants (<see cref="AdoptionDecision"/>), and
/// writes them into the stack file through <see cref="StackFileEdit"/>: validated before and after, every other byte
/// unchanged, replaced in one rename, and nothing written on any refusal, on a dry run, or when nothing is to adopt.
/// </summary>
public static class ServerAdoption
{
    /// <summary>The default bound of connecting to the server and of each catalog read.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Adopts the server's databases; never throws for bad input or a server that fails.</summary>
    public static async Task<AdoptionResult> RunAsync(AdoptionRequest request, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var stack = await ConnectableStackLoader.LoadAsync(request.WorkingDirectory, request.Stack, request.ConfigJson, needsPasswords: true, environment, cancellationToken);
        if (!stack.Succeeded)
        {
            return AdoptionResult.Refused(request, stack.Problem ?? $"{stack.ProblemFile} is invalid; fix it before adopting databases. Nothing was written.",
                stack.IsUsageProblem, stack.Problems, stack.ProblemFile);
        }
        if (stack.Configuration.FindServer(request.Server) is not { } server)
        {
            return AdoptionResult.Refused(request,
                $"--server {request.Server}: the stack has no such server. Use one of: {string.Join(", ", stack.Configuration.Servers.Select(s => s.Name))}.",
                isUsageProblem: true);
        }
        var target = PreflightTarget.ForStack(stack.Configuration, stack.Passwords).Single(candidate => candidate.Server.Name == server.Name);
        var catalog = await ServerCatalogReader.ReadAsync(target, request.Timeout, request.Stack, cancellationToken);
        if (!catalog.Succeeded)
        {
            return AdoptionResult.Refused(request, catalog.Problem, isUsageProblem: false);
        }
        // Nothing to adopt writes nothing, not even the same bytes: a second adopt leaves the file as it was.
        var preview = AdoptionDecision.Decide(stack.Configuration, server, catalog.Value, request.Match);
        var edit = StackFileEdit.Apply<AdoptionPlan>(
            new StackEditRequest(request.Stack, request.WorkingDirectory, "adopting databases", request.DryRun || preview.Adopted.Count == 0),
            (configuration, text) =>
            {
                // Decided again on the stack file itself, which a --config-json may not be.
                if (configuration.FindServer(server.Name) is not { } inFile)
                {
                    return StackEditStep<AdoptionPlan>.Refused($"the stack file has no server '{server.Name}'.");
                }
                var plan = AdoptionDecision.Decide(configuration, inFile, catalog.Value, request.Match);
                return StackEditStep<AdoptionPlan>.From(
                    TenantEntryWriter.AddTenants(text, plan.Adopted.Select(tenant => tenant.Entry(server.Name)).ToList()),
                    plan, $"adopting {plan.Adopted.Count} database(s) of server '{server.Name}'");
            },
            (edited, plan) => plan.Adopted.All(tenant =>
                edited.Tenants.FirstOrDefault(candidate => candidate.Id == tenant.Id) is { Existing: { } existing } written
                && written.Server == server.Name && existing.Name == tenant.Database && existing.Owner == tenant.Owner));
        return edit.Succeeded
            ? new AdoptionResult(request.Stack, request.Server, edit.StackFile, edit.Value, catalog.Value.Databases.Count,
                Written: !request.DryRun && edit.Value.Adopted.Count > 0, null, false, edit.Problems, stack.SecretSource)
            : AdoptionResult.Refused(request, edit.Problem, edit.IsUsageProblem, edit.Problems, edit.StackFile);
    }
}

/// <summary>What <c>tenantdb adopt</c> was asked to do.</summary>
/// <param name="Stack">The stack whose file is edited, and whose server's admin password is used.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="Server">The server whose databases are adopted.</param>
/// <param name="Match">Only databases whose name this matches (<c>--match</c>, with a timeout), or null for every one.</param>
/// <param name="DryRun">Read and decide, write nothing.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c>, where the stack file cannot give the passwords.</param>
/// <param name="Timeout">Bound of connecting and of each read.</param>
public sealed record AdoptionRequest(
    string Stack, string? WorkingDirectory, string Server, Regex? Match, bool DryRun, string? ConfigJson, TimeSpan Timeout);

/// <summary>What adopt did: the tenants it wrote (or would write, in a dry run), every database it left out and why; or why it did nothing.</summary>
/// <param name="Stack">The stack.</param>
/// <param name="Server">The server.</param>
/// <param name="StackFile">The stack file as shown in messages, once located.</param>
/// <param name="Plan">What was adopted and what was left out; null when refused.</param>
/// <param name="DatabaseCount">How many databases the server has (templates included).</param>
/// <param name="Written">True when the stack file was written.</param>
/// <param name="Problem">Why nothing was written; null when adopt ran.</param>
/// <param name="IsUsageProblem">True when <paramref name="Problem"/> is a usage error or an unreadable input.</param>
/// <param name="Problems">The stack's configuration problems: errors that refused it, or the edited file's warnings.</param>
/// <param name="SecretSource">Where the admin password came from.</param>
public sealed record AdoptionResult(
    string Stack, string Server, string? StackFile, AdoptionPlan? Plan, int DatabaseCount, bool Written, string? Problem, bool IsUsageProblem,
    IReadOnlyList<ConfigProblem> Problems, string SecretSource = "")
{
    /// <summary>True when the server was read and the stack file written (or, in a dry run or with nothing to adopt, left as it was).</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && Plan is not null;

    internal static AdoptionResult Refused(AdoptionRequest request, string problem, bool isUsageProblem, IReadOnlyList<ConfigProblem>? problems = null, string? file = null) =>
        new(request.Stack, request.Server, file, null, 0, false, problem, isUsageProblem, problems ?? []);
}
