using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotatePassword;

/// <summary>
/// <c>tenantdb rotate-password</c>: the product's procedure for a server's admin password as one command. Exit 0
/// rotated (or, with --dry-run, possible), 1 not rotated (the old password is in place again, or the output says
/// what to run), 2 usage or an unreadable input.
/// </summary>
internal sealed class RotatePasswordCommand(IAnsiConsole console) : AsyncCommand<RotatePasswordSettings>
{
    public const string Description =
        "Rotate a server's admin password: PostgreSQL first (as a SCRAM verifier, so no clear text reaches its log), then the stack's record, " +
        "then preflight with the password read back from the stack; any failure or signal sets the old password back.";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RotatePasswordSettings settings, CancellationToken cancellationToken)
    {
        string? password = null;
        if (settings.PasswordStdin)
        {
            password = NewPasswordRules.FromStandardInput(await Console.In.ReadToEndAsync(cancellationToken));
        }
        // Local to this command: a signal turns the rotation around between steps instead of ending the process halfway.
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Interrupt(signal, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Interrupt(signal, interrupt));
        var result = await ServerPasswordRotation.RunAsync(settings.ToRequest(), password, Environment.GetEnvironmentVariable, interrupt.Token);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(RotatePasswordReport.From(settings.StackName, result)));
        }
        else
        {
            RotatePasswordText.Write(console, result);
        }
        return result.Succeeded ? ExitCodes.Success : result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
    }

    private static void Interrupt(PosixSignalContext signal, CancellationTokenSource interrupt)
    {
        signal.Cancel = true;
        interrupt.Cancel();
    }
}
