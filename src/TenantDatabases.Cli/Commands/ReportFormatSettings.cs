using System.ComponentModel;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands;

/// <summary>Stack command settings with <c>--format table|json</c>.</summary>
public class ReportFormatSettings : StackCommandSettings
{
    /// <summary><c>table</c> (default, for people) or <c>json</c> (for scripts).</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>True for <c>--format json</c>.</summary>
    public bool IsJson => Format == "json";

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate() =>
        Format is "table" or "json"
            ? base.Validate()
            : Spectre.Console.ValidationResult.Error($"--format must be table or json, not '{Format}'.");
}
