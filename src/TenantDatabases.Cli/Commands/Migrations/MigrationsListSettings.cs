using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>Options of <c>tenantdb migrations list</c>.</summary>
internal sealed class MigrationsListSettings : MigrationsSettings
{
    // The same option as FormatSettings declares for the stack commands; this command has no stack.
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json (one JSON document on standard output). Example: --format json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>True for <c>--format json</c> (any case).</summary>
    public bool IsJson => Format.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        IsJson || Format.Equals("table", StringComparison.OrdinalIgnoreCase)
            ? base.Validate()
            : ValidationResult.Error($"--format must be table or json, not '{Format}'.");
}
