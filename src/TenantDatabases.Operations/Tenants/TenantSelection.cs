// Tenants: which tenants a run works on, from the stack's outputs.
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Operations.Tenants;

/// <summary>Reads the stack outputs a run was pointed at and applies its tenant and server filters.</summary>
public static class TenantSelection
{
    /// <summary>The outputs and the selected tenants, or every problem; never throws for bad input.</summary>
    public static async Task<TenantSelectionResult> LoadAsync(TenantRunRequest request, TextReader standardInput, CancellationToken cancellationToken)
    {
        var read = request.OutputsFile is { } file
            ? await StackOutputsSource.ReadFileAsync(file, standardInput, cancellationToken)
            : await StackOutputsSource.ReadFromPulumiAsync(request.Stack ?? "", request.WorkingDirectory ?? Directory.GetCurrentDirectory(), cancellationToken);
        var warning = request.OutputsFile is { } saved && saved != "-" ? OutputsFileExposure.Warning(saved) : null;
        if (!read.IsValid)
        {
            return TenantSelectionResult.Refused(read.Problems, read.IsUsageProblem, warning);
        }
        var outputs = read.Connections;
        var problems = new List<string>();
        problems.AddRange(request.Tenants.Where(id => outputs.Tenants.All(t => t.Id != id))
            .Select(id => $"--tenant {id}: no such tenant in the stack outputs."));
        problems.AddRange(request.Servers.Where(name => outputs.Tenants.All(t => t.Server != name))
            .Select(name => $"--server {name}: no tenant of the stack outputs is on this server."));
        if (problems.Count > 0)
        {
            return TenantSelectionResult.Refused(problems, isUsageProblem: true, warning);
        }
        var selected = outputs.Tenants
            .Where(t => request.Tenants.Count == 0 || request.Tenants.Contains(t.Id))
            .Where(t => request.Servers.Count == 0 || request.Servers.Contains(t.Server))
            .ToList();
        // Adopted tenants whose owner password the stack does not hold are reached as their server's admin.
        var logins = await TenantLogins.WithServerAdminsAsync(outputs, selected, request.Stack, request.WorkingDirectory,
            request.Environment ?? Environment.GetEnvironmentVariable, cancellationToken);
        return logins.Succeeded
            ? new TenantSelectionResult(logins.Value, selected, [], false, warning)
            : TenantSelectionResult.Refused([logins.Problem], isUsageProblem: request.Stack is null, warning);
    }
}

/// <summary>Which tenants a run (migrate, verify) works on: where the stack outputs come from, and the filters.</summary>
/// <param name="Stack">Read the outputs with <c>pulumi stack output</c> of this stack; null when <paramref name="OutputsFile"/> is given.</param>
/// <param name="WorkingDirectory">Where the Pulumi CLI runs (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="OutputsFile">A saved outputs file, or <c>-</c> for standard input; null to ask the Pulumi CLI.</param>
/// <param name="Tenants">Only these tenants (none: every tenant).</param>
/// <param name="Servers">Only the tenants of these servers (none: every server).</param>
/// <param name="Environment">Where the passphrase is read from, for the admin passwords of adopted tenants; null: the process environment.</param>
/// <remarks>
/// With both <paramref name="Stack"/> and <paramref name="OutputsFile"/>, the outputs come from the file and the stack gives
/// only the servers' admin passwords, which adopted tenants whose owner password the stack does not hold are reached with.
/// </remarks>
public sealed record TenantRunRequest(
    string? Stack, string? WorkingDirectory, string? OutputsFile, IReadOnlyList<string> Tenants, IReadOnlyList<string> Servers,
    Func<string, string?>? Environment = null)
{
    /// <summary>Every tenant of the outputs of <paramref name="stack"/>, or of the saved <paramref name="outputsFile"/> when given.</summary>
    public static TenantRunRequest Everyone(string stack, string? workingDirectory, string? outputsFile) =>
        new(stack, workingDirectory, outputsFile, [], []);
}

/// <summary>
/// The stack outputs a run reads and the tenants it selected; or every problem that stopped it before any tenant
/// was touched. <see cref="Warning"/> is worth printing either way (a saved outputs file others can read).
/// </summary>
public sealed record TenantSelectionResult(
    TenantConnections? Outputs, IReadOnlyList<TenantTarget> Tenants, IReadOnlyList<string> Problems, bool IsUsageProblem, string? Warning)
{
    /// <summary>True when the outputs were read and every filter matched.</summary>
    [MemberNotNullWhen(true, nameof(Outputs))]
    public bool Succeeded => Outputs is not null && Problems.Count == 0;

    internal static TenantSelectionResult Refused(IReadOnlyList<string> problems, bool isUsageProblem, string? warning) =>
        new(null, [], problems, isUsageProblem, warning);
}
