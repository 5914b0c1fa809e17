using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.StackOutputs;

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
        return new TenantSelectionResult(outputs, selected, [], false, warning);
    }
}
