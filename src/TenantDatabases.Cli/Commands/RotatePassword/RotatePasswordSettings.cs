using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Operations.Rotation;

namespace TenantDatabases.Cli.Commands.RotatePassword;

/// <summary>Options of <c>tenantdb rotate-password</c> (besides --stack, --cwd and --format).</summary>
internal sealed class RotatePasswordSettings : FormatSettings
{
    /// <summary>The server whose admin password is rotated.</summary>
    [CommandOption("--server <NAME>")]
    [Description("The server whose admin password is rotated (its name under tenant-databases:servers).")]
    public string? Server { get; init; }

    /// <summary>Read the new password from standard input instead of generating one.</summary>
    [CommandOption("--password-stdin")]
    [Description("Read the new password from standard input (one line; printable ASCII, at least 16 characters) instead of generating 32 letters and digits. Never pass a password as an argument: ps shows arguments.")]
    public bool PasswordStdin { get; init; }

    /// <summary>Check every step and change nothing.</summary>
    [CommandOption("--dry-run")]
    [Description("Check that every step can be done (the admin logs in; the stack file is writable, or pulumi is on PATH) and change nothing.")]
    public bool DryRun { get; init; }

    /// <summary>Where the current password comes from when the stack file cannot give it.</summary>
    [CommandOption("--config-json <FILE>")]
    [Description("Take the current password from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>').")]
    public string? ConfigJson { get; init; }

    /// <summary>Bound of each connection and statement, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("Bound of each connection and statement, in seconds (default 10).")]
    [DefaultValue(10.0)]
    public double Timeout { get; init; } = 10;

    /// <summary>What these options ask for.</summary>
    public ServerPasswordRequest ToRequest() => new(StackName, Cwd, ConfigJson, Server ?? "", DryRun, TimeSpan.FromSeconds(Timeout));

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        if (string.IsNullOrEmpty(Server))
        {
            return ValidationResult.Error("--server is required: the server whose admin password is rotated (e.g. --server eu-primary).");
        }
        return Timeout is > 0 and <= 600 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be a number of seconds between 0 and 600.");
    }
}
