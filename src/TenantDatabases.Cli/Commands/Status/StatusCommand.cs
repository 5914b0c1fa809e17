// Status: the `tenantdb status` command: its settings, table, JSON and markdown.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Cli.Cancellation;
using TenantDatabases.Operations.Status;

namespace TenantDatabases.Cli.Commands.Status;

/// <summary>
/// <c>tenantdb status</c>: the admin page's server list for one stack or every stack: connection status (preflight's
/// checks and timeouts, every server at once), version, tenants against maxTenants, tenant databases and orphans, the
/// load the server reports and a capacity verdict; per tenant its database, size and schema level; the rules across
/// stacks. <c>--find</c> answers where a tenant lives from the files alone. Exit 0 (warnings allowed), 1 when a server
/// is unreachable, a stack file invalid or a rule across stacks fails, 2 for usage or an unreadable file, 130 when cancelled.
/// </summary>
internal sealed class StatusCommand(IAnsiConsole console, CancelSignals signals) : AsyncCommand<StatusSettings>
{
    public const string Description =
        "The fleet's server list, for one stack or every stack: connection status (preflight's checks, every server at once), PostgreSQL version, " +
        "tenants against maxTenants, tenant databases and orphans, size, connections, transactions per second and a capacity verdict; " +
        "per tenant its database and schema level; the rules across stacks. --find: where a tenant lives, from the files alone.";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        var side = StandardErrorConsole.For(settings.IsJson, console);
        if (settings.Find is { } tenantId)
        {
            var stacks = StatusStacks.Read(settings.Stack, settings.Cwd);
            if (stacks.Problem is { } usage)
            {
                ProblemOutput.WriteError(side, usage);
                return ExitCodes.Usage;
            }
            var found = stacks.Find(tenantId);
            StatusFindView.Write(console, settings, found, stacks.Stacks.Count);
            return found.Found ? ExitCodes.Success : ExitCodes.Failure;
        }

        var result = await StatusRun.RunAsync(settings.ToRequest(), Environment.GetEnvironmentVariable, null, signals.Run);
        if (result.Problem is { } problem)
        {
            ProblemOutput.WriteError(side, problem);
            return ExitCodes.Usage;
        }
        var exitCode = StatusOutput.ExitCode(result);
        var json = result.Mask.Apply(StatusJson.Write(result, exitCode));
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, json);
        }
        else if (settings.IsMarkdown)
        {
            ConsoleLines.WriteLine(console, result.Mask.Apply(StatusMarkdown.Write(result, exitCode, settings.Tenants)));
        }
        else
        {
            StatusTable.Write(console, result, settings.Tenants);
        }
        return ReportFile.Write(side, settings.Report, json) ?? exitCode;
    }
}

/// <summary>Options of <c>tenantdb status</c> (besides --stack, --cwd and --format, which here also takes markdown).</summary>
internal sealed class StatusSettings : FormatSettings
{
    [CommandOption("--all-stacks")]
    [Description("Every stack: each Pulumi.<stack>.yaml beside Pulumi.yaml. A stack whose secrets cannot be read here is shown from its file alone, with the reason.")]
    public bool AllStacks { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Bound of each server's connection checks, as preflight's (default 5); also of each tenant database's login. All servers are checked at once.")]
    [DefaultValue(5.0)]
    public double Timeout { get; init; } = 5;

    [CommandOption("--sample <SECONDS>")]
    [Description("Seconds between the two reads of pg_stat_database that give transactions per second (default 3); 0 skips them.")]
    [DefaultValue(3.0)]
    public double Sample { get; init; } = StatusRequest.DefaultSample.TotalSeconds;

    [CommandOption("--tenants")]
    [Description("Also list every tenant: server, database, whether it exists, its size and its schema level (one login per tenant database; JSON always has them).")]
    public bool Tenants { get; init; }

    [CommandOption("--find <ID>")]
    [Description("Where this tenant lives (stack, file and line, server, address, database), from the stack files alone: no secret, no network.")]
    public string? Find { get; init; }

    [CommandOption("--config-json <FILE>")]
    [Description("With --stack: read the configuration and passwords from this file (the output of 'pulumi config --json --show-secrets --stack <STACK>').")]
    public string? ConfigJson { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Also write the JSON document to this file, whatever the format.")]
    public string? Report { get; init; }

    protected override bool StackRequired => false;

    protected override bool WritesMarkdown => true;

    /// <summary>What these options ask status to show; JSON always has every tenant's schema level.</summary>
    public StatusRequest ToRequest() => new(AllStacks ? null : Stack, Cwd, TimeSpan.FromSeconds(Timeout), TimeSpan.FromSeconds(Sample),
        SchemaLevels: Tenants || IsJson, ConfigJson);

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }
        if ((Stack is null) == !AllStacks)
        {
            return ValidationResult.Error("Give exactly one of --stack <name> or --all-stacks.");
        }
        if (ConfigJson is not null && AllStacks)
        {
            return ValidationResult.Error("--config-json holds one stack's configuration: use it with --stack.");
        }
        if (Timeout is not (> 0 and <= 600))
        {
            return ValidationResult.Error("--timeout must be a number of seconds between 0 and 600.");
        }
        if (ReportFile.Problem(Report) is { } report)
        {
            return ValidationResult.Error(report);
        }
        return Sample is >= 0 and <= 60
            ? CwdProblem() ?? ValidationResult.Success()
            : ValidationResult.Error("--sample must be a number of seconds from 0 to 60.");
    }
}
