using Spectre.Console;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.StackOutputs;

namespace TenantDatabases.Cli.Commands;

/// <summary>Reads the stack outputs a command was pointed at and applies its --tenant and --server filters.</summary>
internal static class TenantSelection
{
    /// <summary>
    /// The outputs and the selected tenants, or the exit code after the problems were printed. Warnings go to
    /// <paramref name="warnings"/> (stderr when stdout must stay one JSON document), else to <paramref name="console"/>.
    /// </summary>
    public static async Task<(TenantConnections? Outputs, IReadOnlyList<TenantTarget> Tenants, int ExitCode)> LoadAsync(
        TenantRunSettings settings, IAnsiConsole console, CancellationToken cancellationToken, IAnsiConsole? warnings = null)
    {
        var result = settings.Stack is { } stack
            ? await StackOutputsSource.ReadFromPulumiAsync(stack, settings.Cwd ?? Directory.GetCurrentDirectory(), cancellationToken)
            : await StackOutputsSource.ReadFileAsync(settings.Outputs!, Console.In, cancellationToken);
        if (settings.Outputs is { } file && file != "-" && OutputsFileExposure.Warning(file) is { } exposed)
        {
            (warnings ?? console).MarkupLineInterpolated($"[yellow]warning:[/] {exposed}");
        }
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {SecretRedaction.Redact(problem)}");
            }
            return (null, [], result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure);
        }
        var outputs = result.Connections;
        var problems = new List<string>();
        problems.AddRange(settings.Tenants.Where(id => outputs.Tenants.All(t => t.Id != id))
            .Select(id => $"--tenant {id}: no such tenant in the stack outputs."));
        problems.AddRange(settings.Servers.Where(name => outputs.Tenants.All(t => t.Server != name))
            .Select(name => $"--server {name}: no tenant of the stack outputs is on this server."));
        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem}");
        }
        if (problems.Count > 0)
        {
            return (null, [], ExitCodes.Usage);
        }
        var selected = outputs.Tenants
            .Where(t => settings.Tenants.Length == 0 || settings.Tenants.Contains(t.Id))
            .Where(t => settings.Servers.Length == 0 || settings.Servers.Contains(t.Server))
            .ToList();
        return (outputs, selected, ExitCodes.Success);
    }
}
