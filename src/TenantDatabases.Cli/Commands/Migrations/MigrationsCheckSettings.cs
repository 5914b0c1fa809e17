using System.ComponentModel;
using Spectre.Console.Cli;
using TenantDatabases.Operations.ScriptReview;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>Options of <c>tenantdb migrations check</c>.</summary>
internal sealed class MigrationsCheckSettings : MigrationsSettings
{
    [CommandOption("--base <REF>")]
    [Description("Also compare with the scripts at this git revision (the pull request's base): an edited, renamed or deleted script, or a new one numbered too low. Example: --base origin/main")]
    public string? Base { get; init; }

    /// <summary>What these options ask the check to review.</summary>
    public ScriptReviewRequest ToRequest() => new(Scripts, Cwd, Base);
}
