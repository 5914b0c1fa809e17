// Adopt: the `tenantdb adopt` command: its settings, view and what it renders.
using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Fleet.Adoption;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Planning;
using VisibleText = TenantDatabases.Fleet.Validation.VisibleText;
using TenantDatabases.Operations.Adoption;

namespace TenantDatabases.Cli.Commands.Adopt;

/// <summary>
/// <c>tenantdb adopt</c>: renders <see cref="ServerAdoption"/>, which writes the databases a server already holds into the
/// stack as tenants pinned to it, and says what it left out and what the next <c>pulumi preview</c> shows. Exit 0 when the
/// server was read (whatever was adopted), 1 when refused, 2 for usage or an unreadable input. Never a password, and every
/// name a server returned is printed with its control characters escaped.
/// </summary>
internal sealed class AdoptCommand(IAnsiConsole console) : AsyncCommand<AdoptSettings>
{
    /// <summary>The command's description.</summary>
    public const string Description =
        "Write the databases a server already holds (created by the admin page) into Pulumi.<stack>.yaml as tenants pinned to it, " +
        "with their existing names, owners and settings, so that the next pulumi up imports them and changes nothing; reads the server only.";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, AdoptSettings settings, CancellationToken cancellationToken)
    {
        var result = await ServerAdoption.RunAsync(settings.ToRequest(), Environment.GetEnvironmentVariable, cancellationToken);
        var exitCode = result.Succeeded ? ExitCodes.Success : result.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(AdoptionReport.From(result, settings.DryRun)));
            return exitCode;
        }
        ProblemOutput.WriteLines(console, result.Problems, result.StackFile);
        if (!result.Succeeded)
        {
            ProblemOutput.WriteError(console, result.Problem);
            return exitCode;
        }
        AdoptionView.Write(console, result, settings.StackName);
        return exitCode;
    }
}

/// <summary>Options of <c>tenantdb adopt</c> (besides --stack, --cwd and --format).</summary>
internal sealed class AdoptSettings : FormatSettings
{
    /// <summary>How long a <c>--match</c> pattern may take on one name.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The server whose databases are adopted.</summary>
    [CommandOption("--server <NAME>")]
    [Description("The server (a name under servers in the stack) whose databases are adopted.")]
    public string? Server { get; init; }

    /// <summary>Only databases whose name matches.</summary>
    [CommandOption("--match <REGEX>")]
    [Description("Only databases whose name matches this .NET regular expression (e.g. '^shop_'); the others are listed as left out.")]
    public string? Match { get; init; }

    /// <summary>Read and decide, write nothing.</summary>
    [CommandOption("--dry-run")]
    [Description("Read the server and show what would be adopted; write nothing.")]
    public bool DryRun { get; init; }

    /// <summary>Bound of connecting and of each read.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("Bound of connecting to the server and of each read of its catalog, in seconds (default 30).")]
    [DefaultValue(30.0)]
    public double Timeout { get; init; } = 30;

    /// <summary>The output of <c>pulumi config --json --show-secrets</c>, when the stack file cannot give the passwords.</summary>
    [CommandOption("--config-json <FILE>")]
    [Description("Read the servers' admin passwords from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>') instead of the stack file.")]
    public string? ConfigJson { get; init; }

    /// <summary>What these options ask adopt to do.</summary>
    public AdoptionRequest ToRequest() => new(StackName, Cwd, Server ?? "",
        Match is null ? null : new Regex(Match, RegexOptions.CultureInvariant, MatchTimeout), DryRun, ConfigJson, TimeSpan.FromSeconds(Timeout));

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
            return ValidationResult.Error("--server is required: the server whose databases are adopted (e.g. --server eu-primary).");
        }
        if (Timeout is <= 0 or > 600)
        {
            return ValidationResult.Error("--timeout must be a number of seconds between 0 and 600.");
        }
        if (Match is not null)
        {
            try
            {
                _ = new Regex(Match, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException error)
            {
                return ValidationResult.Error($"--match is not a regular expression: {VisibleText.Of(error.Message)}");
            }
        }
        return ValidationResult.Success();
    }
}

/// <summary>The text of an adoption: what was adopted, what was left out and why, and what the next preview shows.</summary>
internal static class AdoptionView
{
    public static void Write(IAnsiConsole console, AdoptionResult result, string stack)
    {
        if (result.Plan is not { } plan)
        {
            return;
        }
        var skipped = plan.Skipped.Where(skip => skip.Reason is not (SkipReason.NotAdoptable or SkipReason.NotMatching)).ToList();
        var notMatching = plan.Skipped.Count(skip => skip.Reason == SkipReason.NotMatching);
        var notAdoptable = plan.NotAdoptable.ToList();
        ConsoleLines.WriteLine(console, $"server {plan.Server}: {result.DatabaseCount} database(s) read; {plan.Adopted.Count} to adopt, " +
            $"{skipped.Count + notMatching} left out, {notAdoptable.Count} not adoptable as they are.");
        if (plan.Adopted.Count > 0)
        {
            ConsoleLines.WriteLine(console);
            var adopted = new TextTable("TENANT", "DATABASE", "OWNER", "RECORDED");
            foreach (var tenant in plan.Adopted)
            {
                adopted.Add(tenant.Id, VisibleText.Of(tenant.Database),
                    VisibleText.Of(tenant.Owner) + (tenant.OwnerKind == TenantOwnerKind.ServerAdmin ? " (the server's admin)" : " (a role of its own)"),
                    Recorded(tenant));
            }
            adopted.Write(console);
        }
        if (skipped.Count > 0)
        {
            ConsoleLines.WriteLine(console);
            var left = new TextTable("LEFT OUT", "WHY");
            foreach (var skip in skipped)
            {
                left.Add(VisibleText.Of(skip.Name), skip.Why);
            }
            left.Write(console);
        }
        if (notMatching > 0)
        {
            ConsoleLines.WriteLine(console, $"{notMatching} database(s) do not match --match and are left out.");
        }
        if (notAdoptable.Count > 0)
        {
            ConsoleLines.WriteLine(console);
            foreach (var skip in notAdoptable)
            {
                ConsoleLines.WriteLine(console, VisibleText.Of($"not adoptable: '{skip.Name}': {skip.Why.TrimEnd('.')}. Fix: {skip.Fix}"));
            }
        }
        ConsoleLines.WriteLine(console);
        if (plan.Adopted.Count == 0)
        {
            ConsoleLines.WriteLine(console, $"Nothing to adopt: {result.StackFile} was left as it was.");
            return;
        }
        ConsoleLines.WriteLine(console, NextPreview(plan));
        ConsoleLines.WriteLine(console, result.Written
            ? $"Wrote {result.StackFile}: {plan.Adopted.Count} tenant(s) added, every other byte as it was. Next: tenantdb validate --stack {stack}; " +
              $"tenantdb plan --stack {stack}; pulumi preview --stack {stack} --diff ({AdoptionDecision.Runbook})."
            : $"Dry run: {result.StackFile} was not written.");
    }

    /// <summary>What the next <c>pulumi preview</c> shows for the adopted tenants, in one sentence.</summary>
    public static string NextPreview(AdoptionPlan plan)
    {
        var roles = plan.Adopted.Count(tenant => tenant.OwnerKind == TenantOwnerKind.Existing);
        return $"The next pulumi preview shows, for these {plan.Adopted.Count} tenant(s): {plan.Adopted.Count} database import(s) and {roles} owner role import(s) " +
            $"with no change, {roles} admin membership(s) (GRANT) and {plan.Adopted.Count} PUBLIC revoke(s) (REVOKE ALL ON DATABASE … FROM PUBLIC) to create; " +
            "no database created, replaced or deleted, and no password changed (the stack does not hold the owners' passwords).";
    }

    /// <summary>What one adopted tenant's next preview shows.</summary>
    public static IReadOnlyList<string> PreviewOf(AdoptedTenant tenant) => tenant.OwnerKind == TenantOwnerKind.Existing
        ? ["import database", "import owner role", "create admin membership", "create PUBLIC revoke"]
        : ["import database", "create PUBLIC revoke"];

    private static string Recorded(AdoptedTenant tenant)
    {
        var recorded = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                recorded.Add($"{key} {VisibleText.Of(value.ToString() ?? "")}");
            }
        }
        Add(ConfigKeys.ConnectionLimit, tenant.ConnectionLimit);
        Add(ConfigKeys.Encoding, tenant.Encoding);
        Add(ConfigKeys.LcCollate, tenant.LcCollate);
        Add(ConfigKeys.LcCtype, tenant.LcCtype);
        Add(ConfigKeys.OwnerConnectionLimit, tenant.OwnerConnectionLimit);
        return recorded.Count == 0 ? "-" : string.Join(", ", recorded);
    }
}

/// <summary>The JSON of <c>tenantdb adopt --format json</c>.</summary>
internal sealed record AdoptionReport(
    string Stack, string Server, string? File, bool DryRun, bool Written, int? Databases,
    IReadOnlyList<AdoptionReport.Tenant>? Adopted, IReadOnlyList<SkippedDatabase>? Skipped, string? NextPreview,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    /// <summary>An adopted tenant, with what its next preview shows.</summary>
    internal sealed record Tenant(string Id, string Database, string Owner, TenantOwnerKind OwnerKind, int? ConnectionLimit, string? Encoding,
        string? LcCollate, string? LcCtype, int? OwnerConnectionLimit, IReadOnlyList<string> Preview);

    public static AdoptionReport From(AdoptionResult result, bool dryRun) => new(
        result.Stack, result.Server, result.StackFile, dryRun, result.Written, result.Succeeded ? result.DatabaseCount : null,
        result.Plan?.Adopted.Select(tenant => new Tenant(tenant.Id, tenant.Database, tenant.Owner, tenant.OwnerKind, tenant.ConnectionLimit, tenant.Encoding,
            tenant.LcCollate, tenant.LcCtype, tenant.OwnerConnectionLimit, AdoptionView.PreviewOf(tenant))).ToList(),
        result.Plan?.Skipped, result.Plan is { Adopted.Count: > 0 } plan ? AdoptionView.NextPreview(plan) : null,
        ProblemOutput.ToRecords(result.Problems, result.StackFile), result.Problem);
}
