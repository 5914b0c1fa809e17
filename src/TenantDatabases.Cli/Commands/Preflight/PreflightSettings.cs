using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>Options of <c>tenantdb preflight</c> (besides --stack, --cwd and --format).</summary>
internal sealed class PreflightSettings : FormatSettings
{
    /// <summary>Bound of each server's whole check, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("Bound of each server's whole check, in seconds (default 5). All servers are checked at once.")]
    [DefaultValue(5.0)]
    public double Timeout { get; init; } = 5;

    /// <summary>The output of <c>pulumi config --json --show-secrets</c>, when the stack file cannot give the passwords.</summary>
    [CommandOption("--config-json <FILE>")]
    [Description("Read the configuration and passwords from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>').")]
    public string? ConfigJson { get; init; }

    /// <summary>Also write the JSON report to this file.</summary>
    [CommandOption("--report <FILE>")]
    [Description("Also write the JSON report to this file.")]
    public string? Report { get; init; }

    /// <summary>Print each step and the driver's log.</summary>
    [CommandOption("--verbose")]
    [Description("Print each step of each server and the PostgreSQL driver's log (passwords are never logged); to stderr with --format json.")]
    public bool Verbose { get; init; }

    /// <summary>What these options ask preflight to check.</summary>
    public PreflightRequest ToRequest() => new(StackName, Cwd, ConfigJson, TimeSpan.FromSeconds(Timeout));

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        return Timeout is > 0 and <= 600
            ? ValidationResult.Success()
            : ValidationResult.Error("--timeout must be a number of seconds between 0 and 600.");
    }
}
