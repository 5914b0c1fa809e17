// RotateTenantPassword: the `tenantdb rotate-tenant-password` command: its settings and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
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

/// <summary>Options of <c>tenantdb rotate-tenant-password</c> (besides --stack, --cwd and --format).</summary>
internal sealed class RotateTenantPasswordSettings : FormatSettings
{
    /// <summary>The tenant whose owner password is rotated.</summary>
    [CommandArgument(0, "[ID]")]
    [Description("The tenant whose owner password the next deploy replaces (or --all --server <NAME>).")]
    public string? TenantId { get; init; }

    /// <summary>Every tenant of <see cref="Server"/>.</summary>
    [CommandOption("--all")]
    [Description("Every tenant of the server named by --server.")]
    public bool All { get; init; }

    /// <summary>The server whose tenants are rotated with <see cref="All"/>.</summary>
    [CommandOption("--server <NAME>")]
    [Description("With --all: the server whose tenants' owner passwords are rotated.")]
    public string? Server { get; init; }

    /// <summary>What these options ask for.</summary>
    public TenantPasswordRequest ToRequest() => new(StackName, Cwd, All ? null : TenantId, All ? Server : null);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        return (TenantId, All, Server) switch
        {
            ({ }, false, null) => ValidationResult.Success(),
            (null, true, { }) => ValidationResult.Success(),
            ({ }, true, _) => ValidationResult.Error("Give a tenant id or --all --server <NAME>, not both."),
            (_, true, null) => ValidationResult.Error("--all needs --server <NAME>: the server whose tenants are rotated."),
            ({ }, false, { }) => ValidationResult.Error("--server goes with --all; to rotate one tenant, give its id alone."),
            _ => ValidationResult.Error("Give the tenant id (e.g. rotate-tenant-password acme-coffee --stack prod), or --all --server <NAME>."),
        };
    }
}

/// <summary>The JSON of <c>tenantdb rotate-tenant-password --format json</c>.</summary>
internal sealed record RotateTenantPasswordReport(
    string Stack, string? File, bool Written, IReadOnlyList<RaisedPasswordVersion> Raised, IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static RotateTenantPasswordReport From(string stack, TenantPasswordResult result) =>
        new(stack, result.StackFile, result.Succeeded, result.Raised, ProblemOutput.ToRecords(result.Problems, result.StackFile), result.Problem);
}
