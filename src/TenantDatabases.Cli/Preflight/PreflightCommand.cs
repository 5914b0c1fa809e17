using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Output;
using TenantDatabases.Cli.Stacks;
using TenantDatabases.Operations.Preflight;

namespace TenantDatabases.Cli.Preflight;

/// <summary>
/// <c>tenantdb preflight</c>: validates the stack, then checks every server at once (reach, TLS, login,
/// version, CREATEDB/CREATEROLE, SET ROLE, writable primary, connections, capacity, orphans).
/// Exit 0 with no error (warnings allowed), 1 on any error, 2 for usage or an unreadable input.
/// </summary>
public sealed class PreflightCommand(IAnsiConsole console) : AsyncCommand<PreflightSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, PreflightSettings settings, CancellationToken cancellationToken)
    {
        var stack = await ConnectableStackLoader.LoadAsync(
            settings.Cwd, settings.Stack!, settings.ConfigJson, needsPasswords: true, Environment.GetEnvironmentVariable, cancellationToken);
        if (!stack.Loaded)
        {
            return LoadFailureOutput.Report(console, stack);
        }
        var json = settings.IsJson;
        if (!json)
        {
            LoadFailureOutput.Warnings(console, stack);
        }
        var passwords = stack.Passwords!;
        // With --format json the log goes to stderr, so that stdout stays one JSON document.
        var logConsole = json ? StandardErrorConsole.Create() : console;
        using var logs = settings.Verbose ? new ConsoleLoggerFactory(logConsole, passwords.Values) : null;
        var report = await FleetPreflight.RunAsync(settings.Stack!, PreflightTarget.ForStack(stack.Configuration!, passwords),
            TimeSpan.FromSeconds(settings.Timeout), logs, cancellationToken);

        var document = Scrub(PreflightJson.Write(report, stack.SecretSource), passwords.Values);
        if (settings.Report is { } reportFile)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(reportFile)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await File.WriteAllTextAsync(reportFile, document, cancellationToken);
        }
        if (json)
        {
            ConsoleLines.WriteLine(console, document);
        }
        else
        {
            PreflightTable.Write(console, report);
        }
        return report.Status == CheckStatus.Error ? ExitCodes.Failure : ExitCodes.Success;
    }

    // The checks never quote a password; this is the last line of defence for the report anyway.
    private static string Scrub(string text, IEnumerable<string> passwords) =>
        passwords.Where(password => password.Length > 0).Aggregate(text, (current, password) => current.Replace(password, "***", StringComparison.Ordinal));
}
