using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Commands.Preflight;

/// <summary>
/// <c>tenantdb preflight</c>: validates the stack, then checks every server at once (reach, TLS, login,
/// version, CREATEDB/CREATEROLE, SET ROLE, writable primary, connections, capacity, orphans).
/// Exit 0 with no error (warnings allowed), 1 on any error, 2 for usage or an unreadable input, 130 when cancelled.
/// </summary>
internal sealed class PreflightCommand(IAnsiConsole console, CancelSignals signals) : AsyncCommand<PreflightSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, PreflightSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest();
        var stack = await PreflightRun.LoadAsync(request, Environment.GetEnvironmentVariable, signals.Run.Abort);
        if (!stack.Succeeded)
        {
            // With --format json, stdout holds the JSON document or nothing: a pipeline never parses an error line.
            return ConnectableStackOutput.Refused(StandardErrorConsole.For(settings.IsJson, console), stack);
        }
        if (!settings.IsJson)
        {
            ConnectableStackOutput.Warnings(console, stack);
        }
        using var logs = settings.Verbose ? new ConsoleLoggerFactory(StandardErrorConsole.For(settings.IsJson, console), stack.Passwords.Values) : null;
        var report = await PreflightRun.CheckAsync(request, stack, logs, signals.Run);

        var document = PreflightOutput.Document(report, stack);
        if (settings.Report is { } reportFile)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(reportFile)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            // Written even when cancelled: the report is what a cancelled run leaves behind.
            await File.WriteAllTextAsync(reportFile, document, CancellationToken.None);
        }
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, document);
        }
        else
        {
            PreflightTable.Write(console, report);
        }
        return PreflightOutput.ExitCode(report);
    }
}
