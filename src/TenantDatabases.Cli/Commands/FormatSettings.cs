using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands;

/// <summary>Stack command settings with <c>--format table|json</c>, declared once; the value is read case-insensitively.</summary>
internal class FormatSettings : StackCommandSettings
{
    /// <summary><c>table</c> (default, for people) or <c>json</c> (for scripts).</summary>
    [CommandOption(OutputFormat.Option)]
    [Description("table (default) or json (one JSON document on standard output; any other output goes to standard error).")]
    [DefaultValue(OutputFormat.Table)]
    public string Format { get; init; } = OutputFormat.Table;

    /// <summary>True for <c>--format json</c> (any case).</summary>
    public bool IsJson => OutputFormat.IsJson(Format);

    /// <inheritdoc />
    public override ValidationResult Validate() => OutputFormat.Problem(Format) ?? base.Validate();
}
