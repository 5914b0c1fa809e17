using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotateTenantPassword;

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
