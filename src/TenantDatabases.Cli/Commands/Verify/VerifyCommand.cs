using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Output;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Operations.Migrations;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>
/// <c>tenantdb verify</c>: checks every selected tenant database against the built-in scripts. Exit 0 when every
/// check of every tenant passed, 1 when any failed, 2 for usage errors and unreadable input.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        // With --format json, warnings go to stderr, so that stdout stays one JSON document (as preflight does).
        var warnings = settings.Json ? StandardErrorConsole.Create() : console;
        var (outputs, tenants, exitCode) = await TenantSelection.LoadAsync(settings, console, cancellationToken, warnings);
        if (outputs is null)
        {
            return exitCode;
        }
        var text = new MigrationText(outputs.Passwords);
        var limits = new FanOutOptions(FanOutOptions.DefaultParallel, FanOutOptions.DefaultPerServer);
        var results = await FleetVerification.RunAsync(outputs, tenants, MigrationScripts.Embedded(), limits, cancellationToken: cancellationToken);
        var json = VerificationOutput.Render(results, text);
        if (settings.Json)
        {
            ConsoleLines.WriteLine(console, json);
        }
        else
        {
            VerificationOutput.WriteTable(console, results, text);
        }
        if (settings.Report is { } report && MigrationReport.TryWrite(report, json) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            return ExitCodes.Usage;
        }
        return results.All(result => result.Passed) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
