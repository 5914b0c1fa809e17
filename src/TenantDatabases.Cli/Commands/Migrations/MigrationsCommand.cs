// Migrations: the `tenantdb migrations` command: its settings and what it renders.
using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Operations.ScriptReview;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Cli.Commands.Migrations;

/// <summary>The <c>migrations</c> branch: the scripts themselves, with no server and no secret.</summary>
internal static class MigrationsBranch
{
    /// <summary>Registers list and check under <c>migrations</c>.</summary>
    public static void Configure(IConfigurator<MigrationsSettings> branch)
    {
        branch.SetDescription("The migration scripts (migrations/ beside Pulumi.yaml, or --scripts): list them, or check them as a pull request changes them.");
        branch.AddCommand<MigrationsListCommand>("list")
            .WithDescription("Show the scripts in the order migrate applies them: number, name, transaction mode and the SHA-256 the journal stores.")
            .WithExample("migrations", "list")
            .WithExample("migrations", "list", "--scripts", "migrations", "--format", "json")
            .WithExample("migrations", "list", "--cwd", "infra");
        branch.AddCommand<MigrationsCheckCommand>("check")
            .WithDescription("Check the scripts: names, numbers, not empty; with --base, no applied script edited, renamed or deleted and no new one numbered too low; warns of no-transaction scripts that cannot be retried.")
            .WithExample("migrations", "check")
            .WithExample("migrations", "check", "--base", "origin/main")
            .WithExample("migrations", "check", "--scripts", "migrations", "--cwd", "infra", "--base", "HEAD~1")
            .WithExample("migrations", "check", "--base", "origin/main", "--unapplied-on", "prod", "--unapplied-on", "us-east")
            .WithExample("migrations", "check", "--base", "origin/main", "--unapplied-on-outputs", "outputs.json");
    }
}

/// <summary>Options of <c>tenantdb migrations list|check</c>: which scripts folder. No stack, no secret.</summary>
internal class MigrationsSettings : CommandSettings
{
    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml, and migrations/ beside it, from this folder upwards instead of the current folder. Example: --cwd infra")]
    public string? Cwd { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Cwd is not null && !Directory.Exists(Cwd) ? ValidationResult.Error($"--cwd {Cwd}: no such folder.") : base.Validate();
}

/// <summary>
/// <c>tenantdb migrations check</c>: the review of the scripts a pull request runs, with no server and no secret.
/// Every finding at once, each with its file and fix. Exit 0 (warnings allowed), 1 for a problem, 2 when it cannot run.
/// </summary>
internal sealed class MigrationsCheckCommand(IAnsiConsole console) : AsyncCommand<MigrationsCheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MigrationsCheckSettings settings, CancellationToken cancellationToken)
    {
        var review = await ScriptReviewRun.RunAsync(settings.ToRequest(), cancellationToken, Console.In);
        foreach (var problem in review.Problems)
        {
            ConsoleLines.WriteLine(console, $"error: {problem.Describe()}");
        }
        foreach (var warning in review.Warnings)
        {
            ConsoleLines.WriteLine(console, $"warning: {warning.Describe()}");
        }
        if (review.IsUsageProblem)
        {
            return ExitCodes.Usage;
        }
        var against = (review.BaseCommit is { } commit ? $", compared with {settings.Base} ({commit[..12]})" : "") +
            (review.JournalsRead.Count > 0 ? $" and with the journals of {string.Join("; ", review.JournalsRead)}" : "");
        ConsoleLines.WriteLine(console, review.IsValid
            ? $"{review.Folder}: {review.ScriptCount} script(s) pass{against}; {review.Warnings.Count} warning(s)."
            : $"{review.Folder}: {review.Problems.Count} problem(s), {review.Warnings.Count} warning(s){against}.");
        return review.IsValid ? ExitCodes.Success : ExitCodes.Failure;
    }
}

/// <summary>Options of <c>tenantdb migrations check</c>.</summary>
internal sealed class MigrationsCheckSettings : MigrationsSettings
{
    [CommandOption("--base <REF>")]
    [Description("Also compare with the scripts at this git revision (the pull request's base): an edited, renamed or deleted script, or a new one numbered too low. Example: --base origin/main")]
    public string? Base { get; init; }

    [CommandOption("--unapplied-on <STACK>")]
    [Description("With --base: an edited, renamed or deleted script of the base is allowed when no tenant of this stack holds it in its journal (the script failed on every tenant), read through 'pulumi stack output --json --show-secrets' as migrate reads them; repeat it for every stack deployed from these scripts. Example: --unapplied-on prod")]
    public string[] UnappliedOn { get; init; } = [];

    [CommandOption("--unapplied-on-outputs <FILE>")]
    [Description("As --unapplied-on, with the tenants of a saved 'pulumi stack output --json --show-secrets' (or - for standard input). Example: --unapplied-on-outputs outputs.json")]
    public string[] UnappliedOnOutputs { get; init; } = [];

    /// <summary>What these options ask the check to review.</summary>
    public ScriptReviewRequest ToRequest() => new(Scripts, Cwd, Base,
        [.. UnappliedOn.Select(stack => new JournalSource(stack, null)), .. UnappliedOnOutputs.Select(file => new JournalSource(null, file))]);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Base is null && (UnappliedOn.Length > 0 || UnappliedOnOutputs.Length > 0))
        {
            return ValidationResult.Error("--unapplied-on and --unapplied-on-outputs need --base: they prove that a script changed since the base was never applied.");
        }
        if (UnappliedOn.FirstOrDefault(stack => !StackCommandSettings.IsStackName(stack)) is { } bad)
        {
            return ValidationResult.Error($"--unapplied-on {bad}: not a stack name (letters, digits, '-', '_' and '.').");
        }
        if (UnappliedOnOutputs.Count(file => file == "-") > 1)
        {
            return ValidationResult.Error("--unapplied-on-outputs -: standard input can be read once; save the other outputs to files.");
        }
        return base.Validate();
    }
}

/// <summary>
/// <c>tenantdb migrations list</c>: the scripts in the order migrate applies them, with number, name, transaction
/// mode and the checksum the journal stores. Exit 0; 1 when the folder's scripts are not a valid set; 2 when there is no folder.
/// </summary>
internal sealed class MigrationsListCommand(IAnsiConsole console) : Command<MigrationsListSettings>
{
    public override int Execute(CommandContext context, MigrationsListSettings settings, CancellationToken cancellationToken)
    {
        var read = MigrationsFolder.Read(settings.Scripts, settings.Cwd);
        if (!read.IsValid)
        {
            var errors = settings.IsJson ? StandardErrorConsole.For(true, console) : console;
            read.Problems.ToList().ForEach(problem => ProblemOutput.WriteError(errors, problem));
            return read.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
        }
        var side = StandardErrorConsole.For(settings.IsJson, console);
        read.Warnings.ToList().ForEach(warning => ConsoleLines.WriteLine(side, $"warning: {warning}"));
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, ReportJson.Serialize(new
            {
                folder = read.Folder,
                scripts = read.Scripts.All.Select(script => new
                {
                    number = script.Number,
                    name = script.Name,
                    transaction = script.RunsInTransaction,
                    sha256 = script.Sha256,
                }),
            }));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("number", "name", "transaction", "sha256");
        foreach (var script in read.Scripts.All)
        {
            table.AddRow($"{script.Number}", Markup.Escape(script.Name), script.RunsInTransaction ? "yes" : "[yellow]no[/]", script.Sha256);
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{read.Scripts.All.Count} script(s) in {read.Folder}; tenants end at {read.Scripts.Latest?.Name}.");
        return ExitCodes.Success;
    }
}

/// <summary>Options of <c>tenantdb migrations list</c>.</summary>
internal sealed class MigrationsListSettings : MigrationsSettings
{
    // The same option as FormatSettings declares for the stack commands; this command has no stack.
    [CommandOption(OutputFormat.Option)]
    [Description("table (default) or json (one JSON document on standard output). Example: --format json")]
    [DefaultValue(OutputFormat.Table)]
    public string Format { get; init; } = OutputFormat.Table;

    /// <summary>True for <c>--format json</c> (any case).</summary>
    public bool IsJson => OutputFormat.IsJson(Format);

    /// <inheritdoc />
    public override ValidationResult Validate() => OutputFormat.Problem(Format) ?? base.Validate();
}
