using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotateTenantPassword;

/// <summary>
/// <c>tenantdb rotate-tenant-password</c>: raises <c>tenants.&lt;id&gt;.passwordVersion</c> in the stack file so that
/// the next deploy generates a new owner password. Exit 0 written, 1 refused, 2 usage or an unreadable file.
/// </summary>
internal sealed class RotateTenantPasswordCommand(IAnsiConsole console) : Command<RotateTenantPasswordSettings>
{
    /// <summary>The runbook the output points to.</summary>
    public const string Runbook = "docs/runbooks/rotate-a-tenant-password.md";

    /// <inheritdoc />
    public override int Execute(CommandContext context, RotateTenantPasswordSettings settings, CancellationToken cancellationToken)
    {
        var result = TenantPasswordRotation.Raise(settings.ToRequest());
        var exitCode = result.Succeeded ? ExitCodes.Success : result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(RotateTenantPasswordReport.From(settings.StackName, result)));
            return exitCode;
        }
        ProblemOutput.WriteLines(console, result.Problems, result.StackFile);
        if (!result.Succeeded)
        {
            ProblemOutput.WriteError(console, result.Problem);
            return exitCode;
        }
        foreach (var raised in result.Raised)
        {
            ConsoleLines.WriteLine(console,
                $"tenants.{raised.TenantId}.passwordVersion: {raised.FromVersion} -> {raised.ToVersion} (server {raised.Server}).");
        }
        ConsoleLines.WriteLine(console, $"Wrote {result.StackFile}. The next deploy generates a new owner password for " +
            $"{(result.Raised.Count == 1 ? "this tenant" : $"these {result.Raised.Count} tenants")} and updates the role in place; " +
            $"open connections keep working until they reconnect, new logins need the new password from the stack outputs ({Runbook}).");
        return exitCode;
    }
}
