using Spectre.Console;

namespace TenantDatabases.Cli.Commands.Deploy;

/// <summary>A plain-text console a stage's result is rendered on, so deploy can show it under a failed stage and report it.</summary>
internal sealed class StageText : IDisposable
{
    private readonly StringWriter writer = new();

    public StageText()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = TerminalConsole.RedirectedWidth;
    }

    public IAnsiConsole Console { get; }

    /// <summary>Everything rendered so far, with password settings masked.</summary>
    public string Text => Fleet.Secrets.SecretMask.Redact(writer.ToString());

    public void Dispose() => writer.Dispose();
}
