using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>Options of <c>tenantdb migrations list</c>.</summary>
internal sealed class MigrationsListSettings : MigrationsSettings
{
    // The same option as FormatSettings declares for the stack commands; this command has no stack.
    [CommandOption(OutputFormat.Option)]
    [Description("table (default) or json (one JSON document on standard output). Example: --format json")]
    [DefaultValue(OutputFormat.Table)]
    public string Format { get; init; } = OutputFormat.Table;

    /// <summary>True for <c>--format json</c> (any case).</summary>
    public bool IsJson => OutputFormat.IsJson(Format);

    /// <inheritdoc />
    public override ValidationResult Validate() => OutputFormat.Problem(Format) ?? base.Validate();
}
