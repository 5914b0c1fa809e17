using Microsoft.Extensions.Logging;
using Spectre.Console;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Cli.Commands.Preflight;

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
