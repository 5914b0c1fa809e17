using System.ComponentModel;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands.Plan;

/// <summary>Options of <c>tenantdb plan</c>.</summary>
internal sealed class PlanSettings : FormatSettings
{
    /// <summary>The JSON of <c>pulumi stack output --json</c> from the last deploy.</summary>
    [CommandOption("--previous <FILE>")]
    [Description("The JSON of 'pulumi stack output --json' from the last deploy: marks tenants added, removed and moved.")]
    public string? Previous { get; init; }
}
