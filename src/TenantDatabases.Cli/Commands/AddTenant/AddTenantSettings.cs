using System.ComponentModel;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.AddTenant;

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
