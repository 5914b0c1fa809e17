using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>The options of <c>tenantdb deploy</c> besides <c>--stack</c> and <c>--cwd</c>.</summary>
internal sealed class DeploySettings : StackCommandSettings
{
    [CommandOption("--yes")]
    [Description("Pass --yes to `pulumi up`, which then applies without asking (for pipelines). Example: --yes")]
    public bool Yes { get; init; }

    [CommandOption("--skip-up")]
    [Description("Run every stage except `pulumi up` (when a pipeline runs it as its own step). Example: --skip-up")]
    public bool SkipUp { get; init; }

    [CommandOption("--outputs <FILE>")]
    [Description("With --skip-up: the stack outputs saved where `pulumi up` ran (`pulumi stack output --json --show-secrets`), read by migrate and verify instead of asking the Pulumi CLI. Example: --skip-up --outputs outputs.json")]
    public string? Outputs { get; init; }

    [CommandOption("--create-stack")]
    [Description("Create the stack in the Pulumi backend (`pulumi stack init`) when it does not exist yet. Without it deploy stops before `pulumi up` and prints the command, so a mistyped stack name never becomes an empty stack. Example: --create-stack")]
    public bool CreateStack { get; init; }

    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Write every stage's result, with the reports of preflight, migrate and verify, as JSON. Example: --report deploy.json")]
    public string? Report { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        if (CwdProblem() is { } cwd)
        {
            return cwd;
        }
        if (Outputs is not null && !SkipUp)
        {
            return ValidationResult.Error("--outputs needs --skip-up: after deploy's own `pulumi up` the outputs are read from the stack, and a saved file would be older.");
        }
        if (CreateStack && SkipUp)
        {
            return ValidationResult.Error("--create-stack needs deploy's own `pulumi up`: with --skip-up the stack was deployed elsewhere and must exist already.");
        }
        if (Outputs == "-")
        {
            return ValidationResult.Error("--outputs -: deploy reads the outputs twice (migrate, then verify), so it needs a file, e.g. `pulumi stack output --json --show-secrets > outputs.json`.");
        }
        if (Outputs is not null && !File.Exists(Outputs))
        {
            return ValidationResult.Error($"--outputs {Outputs}: no such file; save it with `pulumi stack output --json --show-secrets --stack {Stack} > {Outputs}`.");
        }
        if (Scripts is not null && !Directory.Exists(Scripts))
        {
            return ValidationResult.Error($"--scripts {Scripts}: no such folder; give the folder of NNNN_name.sql scripts, or leave --scripts out to use migrations/ beside Pulumi.yaml.");
        }
        if (Report is not null && Path.GetDirectoryName(Path.GetFullPath(Report)) is { } folder && !Directory.Exists(folder))
        {
            return ValidationResult.Error($"--report {Report}: the folder {folder} does not exist; create it or choose another path.");
        }
        return ValidationResult.Success();
    }

    /// <summary>The request these options describe.</summary>
    public DeployRequest ToRequest() => new(StackName, Cwd, Yes, SkipUp, Outputs, CreateStack, Scripts);
}
