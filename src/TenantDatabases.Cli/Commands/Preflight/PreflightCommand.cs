// Preflight: the `tenantdb preflight` command: its settings, view and what it renders.
using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Fleet.Secrets;
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
            return PreflightView.Refused(StandardErrorConsole.For(settings.IsJson, console), stack).ExitCode;
        }
        using var logs = settings.Verbose ? new ConsoleLoggerFactory(StandardErrorConsole.For(settings.IsJson, console), stack.Passwords.Values) : null;
        var report = await PreflightRun.CheckAsync(request, stack, logs, signals.Run);

        var shown = PreflightView.Show(console, stack, report, settings.IsJson);
        return ReportFile.Write(StandardErrorConsole.For(settings.IsJson, console), settings.Report, shown.Json ?? "") ?? shown.ExitCode;
    }
}

/// <summary>Options of <c>tenantdb preflight</c> (besides --stack, --cwd and --format).</summary>
internal sealed class PreflightSettings : FormatSettings
{
    /// <summary>Bound of each server's whole check, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [TypeConverter(typeof(SecondsConverter))]
    [Description("Bound of each server's whole check, in seconds (default 5). All servers are checked at once.")]
    [DefaultValue(5.0)]
    public double Timeout { get; init; } = 5;

    /// <summary>The output of <c>pulumi config --json --show-secrets</c>, when the stack file cannot give the passwords.</summary>
    [CommandOption("--config-json <FILE>")]
    [Description("Read the configuration and passwords from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>').")]
    public string? ConfigJson { get; init; }

    /// <summary>Also write the JSON report to this file.</summary>
    [CommandOption("--report <FILE>")]
    [Description("Also write the JSON report to this file.")]
    public string? Report { get; init; }

    /// <summary>Print each step and the driver's log.</summary>
    [CommandOption("--verbose")]
    [Description("Print each step of each server and the PostgreSQL driver's log (passwords are never logged); to stderr with --format json.")]
    public bool Verbose { get; init; }

    /// <summary>What these options ask preflight to check.</summary>
    public PreflightRequest ToRequest() => new(StackName, Cwd, ConfigJson, TimeSpan.FromSeconds(Timeout));

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        if (ReportFile.Problem(Report) is { } report)
        {
            return ValidationResult.Error(report);
        }
        return Timeout is > 0 and <= 600
            ? ValidationResult.Success()
            : ValidationResult.Error("--timeout must be more than 0 and at most 600 seconds (e.g. --timeout 5).");
    }
}

/// <summary>
/// --verbose: every log line (the driver's included) on the console, with known passwords and
/// <c>Password=</c> settings masked before anything is written.
/// </summary>
internal sealed class ConsoleLoggerFactory(IAnsiConsole console, IEnumerable<string> secrets) : ILoggerFactory
{
    private readonly SecretMask mask = new(secrets);
    private readonly object gate = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string text)
    {
        var masked = mask.Apply(text);
        lock (gate)
        {
            console.MarkupLineInterpolated($"[dim]{level.ToString().ToLowerInvariant()} {category}: {masked}[/]");
        }
    }

    private sealed class Logger(ConsoleLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                factory.Write(logLevel, category, formatter(state, exception) + (exception is null ? "" : $" ({exception.Message})"));
            }
        }
    }
}
