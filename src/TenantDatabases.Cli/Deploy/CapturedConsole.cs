using Spectre.Console;

namespace TenantDatabases.Cli.Deploy;

/// <summary>A plain-text console whose output a stage keeps, so deploy can summarise it and report it.</summary>
internal sealed class CapturedConsole : IDisposable
{
    private readonly StringWriter _writer = new();

    public CapturedConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 200; // wide enough that a stage's sentences stay on one line
    }

    public IAnsiConsole Console { get; }

    /// <summary>Everything printed so far, with passwords masked.</summary>
    public string Text => SecretRedaction.Redact(_writer.ToString());

    public void Dispose() => _writer.Dispose();
}
