// AddTenant: the `tenantdb add-tenant` command: its settings and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.AddTenant;

/// <summary>
/// <c>tenantdb add-tenant</c>: renders <see cref="TenantAddition"/>, which places a new tenant and pins it to its
/// server in the stack file, validated before and after the edit and replaced in one rename.
/// </summary>
internal sealed class AddTenantCommand(IAnsiConsole console) : Command<AddTenantSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AddTenantSettings settings, CancellationToken cancellationToken)
    {
        var added = TenantAddition.Add(new TenantAdditionRequest(settings.StackName, settings.Cwd, settings.TenantId, settings.Server, settings.Region));
        if (!added.Succeeded)
        {
            ProblemOutput.WriteLines(console, added.Problems, added.StackFile);
            return Fail(added.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure, added.Problem);
        }
        var prefix = added.Configuration.Settings.DatabasePrefix;
        ConsoleLines.WriteLine(console, $"Added tenant '{settings.TenantId}' on server '{added.Value.Server}' in {added.StackFile}.");
        ConsoleLines.WriteLine(console, $"Why: {added.Value.Explanation}");
        ConsoleLines.WriteLine(console, $"Database {TenantNaming.DatabaseName(prefix, settings.TenantId)}, owner role {TenantNaming.RoleName(prefix, settings.TenantId)}; it is created by the next 'pulumi up'.");
        ProblemOutput.WriteLines(console, added.Problems, added.StackFile);
        return ExitCodes.Success;
    }

    private int Fail(int exitCode, string message)
    {
        ConsoleLines.WriteLine(console, $"error: {message}");
        return exitCode;
    }
}

/// <summary>Options of <c>tenantdb add-tenant</c>.</summary>
internal sealed class AddTenantSettings : StackCommandSettings
{
    /// <summary>The new tenant's id.</summary>
    [CommandArgument(0, "<ID>")]
    [Description("The new tenant's id: lower-case letters, digits, '-' and '_', starting with a letter or digit.")]
    public string TenantId { get; init; } = "";

    /// <summary>Put the tenant on this server.</summary>
    [CommandOption("--server <NAME>")]
    [Description("Place the tenant on this server instead of choosing one.")]
    public string? Server { get; init; }

    /// <summary>The region the tenant's data must stay in.</summary>
    [CommandOption("--region <REGION>")]
    [Description("The region the tenant's data must stay in; it is recorded with the tenant.")]
    public string? Region { get; init; }
}
