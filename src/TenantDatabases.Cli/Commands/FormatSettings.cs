using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands;

/// <summary>Stack command settings with <c>--format table|json</c>, declared once; the value is read case-insensitively.</summary>
internal class FormatSettings : StackCommandSettings
{
    /// <summary><c>table</c> (default, for people) or <c>json</c> (for scripts).</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json (one JSON document on standard output; any other output goes to standard error).")]
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
