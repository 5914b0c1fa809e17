using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Cli.Commands;

/// <summary>What migrate and verify share: where the stack outputs come from, which tenants, the scripts, the report and its format.</summary>
/// <remarks><c>--stack</c> reads the outputs with 'pulumi stack output --json --show-secrets --stack &lt;STACK&gt;', run in <c>--cwd</c>.</remarks>
internal class TenantRunSettings : FormatSettings
{
    [CommandOption("--outputs <FILE>")]
    [Description("Read the outputs from a file (the JSON of 'pulumi stack output --json --show-secrets'), or '-' for standard input.")]
    public string? Outputs { get; init; }

    [CommandOption("--tenant <ID>")]
    [Description("Only this tenant (repeatable).")]
    public string[] Tenants { get; init; } = [];

    [CommandOption("--server <NAME>")]
    [Description("Only the tenants of this server (repeatable).")]
    public string[] Servers { get; init; } = [];

    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Write a JSON report with every tenant's result to this file.")]
    public string? Report { get; init; }

    protected override bool StackRequired => false;

    /// <summary>The tenants these options select.</summary>
    public TenantRunRequest ToRequest() => new(Stack, Cwd, Outputs, Tenants, Servers);

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        if ((Stack is null) == (Outputs is null))
        {
            return ValidationResult.Error("Give exactly one of --stack <name> (reads 'pulumi stack output') or --outputs <file|->.");
        }
        return CwdProblem() ?? ValidationResult.Success();
    }
}
