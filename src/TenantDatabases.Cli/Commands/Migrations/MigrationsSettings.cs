using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>Options of <c>tenantdb migrations list|check</c>: which scripts folder. No stack, no secret.</summary>
internal class MigrationsSettings : CommandSettings
{
    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml, and migrations/ beside it, from this folder upwards instead of the current folder. Example: --cwd infra")]
    public string? Cwd { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Cwd is not null && !Directory.Exists(Cwd) ? ValidationResult.Error($"--cwd {Cwd}: no such folder.") : base.Validate();
}
