namespace TenantDatabases.Cli.Tests.Commands.RotatePassword;

/// <summary>Gives the in-process tool <paramref name="text"/> on standard input until disposed (tests of the process environment only).</summary>
public sealed class StandardInput : IDisposable
{
    private readonly TextReader previous = Console.In;

    private StandardInput(string text) => Console.SetIn(new StringReader(text));

    public static StandardInput From(string text) => new(text);

    public void Dispose() => Console.SetIn(previous);
}
