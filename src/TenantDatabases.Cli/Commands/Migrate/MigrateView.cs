using Spectre.Console;
using TenantDatabases.Operations.Migrations;

namespace TenantDatabases.Cli.Commands.Migrate;

/// <summary>How a migration is shown, by the command and by deploy's migrate stage alike (its progress apart).</summary>
internal static class MigrateView
{
    /// <summary>A run that did not start: the selection's and the scripts' problems on <paramref name="side"/>.</summary>
    public static VerbOutput Refused(IAnsiConsole side, MigrationPreparationResult prepared)
    {
        TenantSelectionOutput.Write(side, side, prepared.Selection);
        return new VerbOutput(Refuse(side, prepared), VerbOutput.FirstError(prepared.Problems));
    }

    /// <summary>A finished run: the table (or the JSON document) and, on <paramref name="side"/>, where a cancelled run left the tenants.</summary>
    public static VerbOutput Show(IAnsiConsole console, IAnsiConsole side, MigrationRunResult run, MigrationText text, bool json)
    {
        var report = MigrationReport.Render(run, text);
        if (json)
        {
            ConsoleLines.WriteLine(console, report);
        }
        else if (run.Tenants.Count == 0)
        {
            ConsoleLines.WriteLine(console, $"{NoTenant}.");
        }
        else
        {
            MigrationTable.Write(console, run.Tenants, text, run.DryRun, run.Cancelled);
        }
        WriteCancelled(side, run);
        return new VerbOutput(ExitCode(run), MigrationTable.Summary(run.Tenants), report);
    }

    /// <summary>
    /// After the selection was shown (<see cref="TenantSelectionOutput"/>): the problems with the scripts, if those
    /// stopped the run; returns the exit code (2 for a usage problem).
    /// </summary>
    private static int Refuse(IAnsiConsole console, MigrationPreparationResult prepared)
    {
        if (!prepared.Selection.Succeeded)
        {
            return TenantSelectionOutput.ExitCode(prepared.Selection);
        }
        foreach (var problem in prepared.Problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Fleet.Secrets.SecretMask.Redact(problem)}");
        }
        return prepared.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;
    }

    /// <summary>What a run over outputs that hold no tenant says, instead of an empty table.</summary>
    public const string NoTenant = "The stack outputs hold no tenant: nothing to migrate";

    /// <summary>The line that says what is about to run.</summary>
    public static void WriteStart(IAnsiConsole console, MigrationPreparationResult prepared)
    {
        if (!prepared.Succeeded || prepared.Tenants.Count == 0)
        {
            return;
        }
        var servers = prepared.Tenants.Select(t => t.Server).Distinct().Count();
        console.MarkupLineInterpolated(
            $"{(prepared.Settings.DryRun ? "Dry run: listing pending scripts of" : "Migrating")} {prepared.Tenants.Count} tenant(s) on {servers} server(s) to {prepared.Settings.Scripts.Latest?.Name}.");
    }

    /// <summary>130 when the run was cancelled; else 0 when every tenant is migrated and verified, 1 when any is not.</summary>
    public static int ExitCode(MigrationRunResult run) =>
        run.Cancelled ? ExitCodes.Cancelled : run.Succeeded ? ExitCodes.Success : ExitCodes.Failure;

    /// <summary>After a cancelled run: where the tenants stand, and that a rerun finishes the job.</summary>
    private static void WriteCancelled(IAnsiConsole console, MigrationRunResult run)
    {
        if (!run.Cancelled)
        {
            return;
        }
        var notStarted = run.Tenants.Count(t => t.Status == MigrationStatus.Skipped);
        var stopped = run.Tenants.Count(t => t.Status == MigrationStatus.Cancelled);
        var finished = run.Tenants.Count - notStarted - stopped;
        console.MarkupLineInterpolated(
            $"[yellow]The run was cancelled:[/] {finished} tenant(s) finished, {stopped} stopped in flight, {notStarted} not started. Rerun tenantdb migrate to finish: applied scripts are never applied twice.");
    }

    /// <summary>One raw line per finished tenant: CI logs must not wrap them at a guessed console width.</summary>
    public static Action<TenantMigrationResult> TenantLines(IAnsiConsole console, MigrationText text)
    {
        var writing = new Lock();
        return result =>
        {
            lock (writing)
            {
                ConsoleLines.WriteLine(console, text.Line(result));
            }
        };
    }
}

/// <summary>The JSON report of <c>tenantdb migrate --report</c>: one entry per tenant, no secret.</summary>
internal static class MigrationReport
{
    public static string Render(MigrationRunResult run, MigrationText text) => ReportJson.Serialize(Document(run.Tenants, text, run.DryRun, run.Duration, run.Cancelled));

    private static object Document(IReadOnlyList<TenantMigrationResult> results, MigrationText text, bool dryRun, TimeSpan duration, bool cancelled) =>
        new
        {
            command = "migrate",
            dryRun,
            cancelled,
            succeeded = results.All(r => r.Succeeded),
            durationMs = (long)duration.TotalMilliseconds,
            summary = results.GroupBy(MigrationText.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            tenants = results.OrderBy(r => r.Tenant.Id, StringComparer.Ordinal).Select(r => new
            {
                tenant = r.Tenant.Id,
                server = r.Tenant.Server,
                region = r.Tenant.Region,
                database = r.Tenant.Database,
                status = MigrationText.Status(r),
                succeeded = r.Succeeded,
                durationMs = (long)r.Duration.TotalMilliseconds,
                appliedScripts = r.Applied.Select(a => new { name = a.Name, durationMs = (long)a.Duration.TotalMilliseconds }),
                pendingScripts = r.Pending,
                failure = r.Failure is { } f ? new { script = f.Script, sqlState = f.SqlState, message = text.Safe(f.Message), rolledBack = f.RolledBack } : null,
                checks = r.Verification?.Checks.Select(c => new { name = c.Name, passed = c.Passed, value = text.Safe(c.Value) }),
            }),
        };
}

/// <summary>The summary table at the end of <c>tenantdb migrate</c>.</summary>
internal static class MigrationTable
{
    /// <summary>How many tenants ended in each status, as one line.</summary>
    public static string Summary(IReadOnlyList<TenantMigrationResult> results) => results.Count == 0
        ? $"{MigrateView.NoTenant}."
        : $"{results.Count} tenant(s): {string.Join(", ", results.GroupBy(MigrationText.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}.";

    /// <summary>The table and its summary; a failed run (not a cancelled one, which says what to do itself) asks for the fix.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<TenantMigrationResult> results, MigrationText text, bool dryRun, bool cancelled = false)
    {
        var table = new Table().AddColumns("tenant", "server", "database", "status", dryRun ? "pending" : "applied", "seconds", "detail");
        foreach (var result in results.OrderBy(r => r.Tenant.Server, StringComparer.Ordinal).ThenBy(r => r.Tenant.Id, StringComparer.Ordinal))
        {
            var colour = result.Succeeded ? "green" : "red";
            table.AddRow(
                Markup.Escape(result.Tenant.Id),
                Markup.Escape(result.Tenant.Server),
                Markup.Escape(result.Tenant.Database),
                $"[{colour}]{Markup.Escape(MigrationText.Status(result))}[/]",
                (dryRun ? result.Pending.Count : result.Applied.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Duration.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(text.Detail(result)));
        }
        console.Write(table);
        var failed = results.Count(r => !r.Succeeded);
        console.MarkupLineInterpolated($"{Summary(results)}");
        if (failed > 0 && !cancelled)
        {
            console.MarkupLineInterpolated($"[red]{failed} tenant(s) did not succeed.[/] Fix the cause and run tenantdb migrate again: applied scripts are never applied twice.");
        }
    }
}
