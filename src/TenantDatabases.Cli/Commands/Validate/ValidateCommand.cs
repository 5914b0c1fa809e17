using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Validate;

/// <summary><c>tenantdb validate</c>: checks a stack file without secrets or network; the pull-request check.</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(settings.Cwd, settings.StackName);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(ValidationReport.From(settings.StackName, load)));
        }
        else
        {
            ValidateOutput.Write(console, load);
        }
        return ValidateOutput.ExitCode(load);
    }
}
