// Verify: the `tenantdb verify` command: its settings, view and what it renders.
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>
/// <c>tenantdb verify</c>: checks every selected tenant database against the scripts migrate applies. Exit 0 when every
/// check of every tenant passed, 1 when any failed, 2 for usage errors and unreadable input, 130 when cancelled.
/// </summary>
internal sealed class VerifyCommand(IAnsiConsole console, CancelSignals signals) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        var run = await VerificationRun.RunAsync(settings.ToVerificationRequest(), Console.In, signals.Run);
        // With --format json, warnings and errors go to stderr, so that stdout is one JSON document or nothing.
        var side = StandardErrorConsole.For(settings.IsJson, console);
        var shown = VerifyView.Show(console, side, run, settings.IsJson);
        return shown.Json is null ? shown.ExitCode : ReportFile.Write(side, settings.Report, shown.Json) ?? shown.ExitCode;
    }
}

/// <summary>Options of <c>tenantdb verify</c>: the tenant selection, the scripts, the report and its format.</summary>
internal sealed class VerifySettings : TenantRunSettings
{
    /// <summary>What these options ask verify to do.</summary>
    public VerificationRequest ToVerificationRequest() => new(ToRequest(), Scripts);
}
