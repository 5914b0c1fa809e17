using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Verify;

public sealed class VerifySettings : TenantRunSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json (the report document, on standard output).")]
    public string Format { get; init; } = "table";

    public bool Json => Format.Equals("json", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        return Json || Format.Equals("table", StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be 'table' or 'json', not '{Format}'.");
    }
}
