// LastDeployment: the `tenantdb last-deployment` command: its settings and what it renders.
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Deployments;

namespace TenantDatabases.Cli.Commands.LastDeployment;

/// <summary>
/// <c>tenantdb last-deployment</c>: saves a stack's last outputs (no secrets) for <c>tenantdb plan --previous</c>, and
/// says whether the backend has the stack at all. The pull-request workflow asks this instead of reading Pulumi's text.
/// Exit 0 when answered (the stack exists, or was never created), 1 when the backend could not be read, 2 for usage.
/// </summary>
internal sealed class LastDeploymentCommand(IAnsiConsole console) : AsyncCommand<LastDeploymentSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, LastDeploymentSettings settings, CancellationToken cancellationToken)
    {
        var result = await LastDeploymentOutputs.SaveAsync(new LastDeploymentOutputsRequest(settings.Stack ?? "", settings.Cwd, settings.Out ?? ""), cancellationToken);
        var exitCode = result.Succeeded ? ExitCodes.Success : result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(new LastDeploymentReport(
                result.Request.PulumiStack, result.Succeeded ? result.StackExists : null, result.StackExists ? result.Request.OutputFile : null,
                result.Succeeded ? result.DeployedTenants : null, result.Problem)));
            return exitCode;
        }
        ConsoleLines.WriteLine(console, result switch
        {
            { Problem: { } problem } => $"error: {problem}",
            { StackExists: true } => $"Outputs of the last deploy of {result.Request.PulumiStack} saved to {result.Request.OutputFile} ({result.DeployedTenants} deployed tenant(s)).",
            _ => $"Stack {result.Request.PulumiStack} does not exist in the Pulumi backend (never deployed): plan it without --previous.",
        });
        return exitCode;
    }
}

/// <summary>The JSON of <c>tenantdb last-deployment --format json</c>.</summary>
internal sealed record LastDeploymentReport(string Stack, bool? Exists, string? File, int? DeployedTenants, string? Error);

/// <summary>Options of <c>tenantdb last-deployment</c>.</summary>
internal sealed class LastDeploymentSettings : CommandSettings
{
    /// <summary>The stack as Pulumi knows it.</summary>
    [CommandOption("--stack <STACK>")]
    [Description("The stack as Pulumi knows it: prod, or <org>/prod in an organisation.")]
    public string? Stack { get; init; }

    /// <summary>Where the outputs are saved.</summary>
    [CommandOption("--out <FILE>")]
    [Description("The file the outputs (no secrets) are saved to, for tenantdb plan --previous; removed when the stack does not exist.")]
    public string? Out { get; init; }

    /// <summary>Where to look for Pulumi.yaml.</summary>
    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml from this folder upwards instead of the current folder.")]
    public string? Cwd { get; init; }

    /// <summary><c>table</c> or <c>json</c>.</summary>
    [CommandOption(OutputFormat.Option)]
    [Description("table (default) or json (one JSON document: stack, exists, file, deployedTenants, error).")]
    [DefaultValue(OutputFormat.Table)]
    public string Format { get; init; } = OutputFormat.Table;

    /// <summary>True for <c>--format json</c>.</summary>
    public bool IsJson => OutputFormat.IsJson(Format);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        OutputFormat.Problem(Format)
        ?? (Stack is null ? ValidationResult.Error("--stack is required (the stack as Pulumi knows it, e.g. prod or acme/prod).")
            : Out is null ? ValidationResult.Error("--out is required (the file to save the outputs to, e.g. previous.json).")
            : ValidationResult.Success());
}
