using System.ComponentModel;
using System.Text;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Placement;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.AddTenant;

/// <summary>
/// <c>tenantdb add-tenant</c>: places a new tenant and pins it to its server in the stack file. The file is
/// validated before and after the edit and replaced in one rename: nothing is ever half-applied.
/// </summary>
internal sealed class AddTenantCommand(IAnsiConsole console) : Command<AddTenantSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AddTenantSettings settings, CancellationToken cancellationToken)
    {
        var located = ProjectLocator.Locate(settings.Cwd, settings.StackName);
        if (!located.Succeeded)
        {
            return Fail(ExitCodes.Usage, located.Problem);
        }
        var location = located.Location;
        StackFileText original;
        try
        {
            original = StackFileText.Read(location.StackFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return Fail(ExitCodes.Usage, $"{location.DisplayStackFile} cannot be read: {error.Message}");
        }
        var before = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, original.Text));
        if (before.IsUsageProblem)
        {
            return Fail(ExitCodes.Usage, before.Problem);
        }
        if (!before.IsValid)
        {
            ProblemOutput.WriteLines(console, before.Problems, before.DisplayFile);
            return Fail(ExitCodes.Failure, $"{before.DisplayFile} is invalid; fix it before adding a tenant. Nothing was written.");
        }
        var configuration = before.Configuration;
        var decision = TenantPlacement.Place(configuration, settings.TenantId, settings.Server, settings.Region);
        if (!decision.Succeeded)
        {
            return Fail(ExitCodes.Failure, $"cannot add tenant '{settings.TenantId}': {decision.Explanation} Nothing was written.");
        }
        var edit = TenantEntryWriter.AddTenant(original.Text, settings.TenantId, decision.Server, settings.Region);
        if (!edit.Succeeded)
        {
            return Fail(ExitCodes.Failure, $"{location.DisplayStackFile}: {edit.Problem} Nothing was written.");
        }
        var after = StackLoader.FromResult(location, StackFileReader.Parse(location.StackFile, edit.Text));
        var added = after.Configuration?.Tenants.FirstOrDefault(tenant => tenant.Id == settings.TenantId);
        if (!after.IsValid || added?.Server != decision.Server)
        {
            ProblemOutput.WriteLines(console, after.Problems, after.DisplayFile);
            return Fail(ExitCodes.Failure, $"adding '{settings.TenantId}' would leave {location.DisplayStackFile} invalid. Nothing was written.");
        }
        try
        {
            original.WriteReplacing(location.StackFile, edit.Text);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.Usage, $"{location.DisplayStackFile} cannot be written: {error.Message} Nothing was changed.");
        }
        var prefix = configuration.Settings.DatabasePrefix;
        ConsoleLines.WriteLine(console, $"Added tenant '{settings.TenantId}' on server '{decision.Server}' in {location.DisplayStackFile}.");
        ConsoleLines.WriteLine(console, $"Why: {decision.Explanation}");
        ConsoleLines.WriteLine(console, $"Database {TenantNaming.DatabaseName(prefix, settings.TenantId)}, owner role {TenantNaming.RoleName(prefix, settings.TenantId)}; it is created by the next 'pulumi up'.");
        ProblemOutput.WriteLines(console, after.Problems, after.DisplayFile);
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
