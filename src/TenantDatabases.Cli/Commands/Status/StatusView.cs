using System.Globalization;
using System.Text;
using Spectre.Console;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Status;

namespace TenantDatabases.Cli.Commands.Status;

/// <summary>What every format of status shares: the exit code, each server's cells, and the notes under the table.</summary>
internal static class StatusOutput
{
    /// <summary>2 a usage problem or an unreadable stack file; 130 cancelled; 1 an error; else 0 (warnings allowed).</summary>
    public static int ExitCode(StatusResult result) =>
        result.IsUsageProblem ? ExitCodes.Usage : result.Cancelled ? ExitCodes.Cancelled : result.HasErrors ? ExitCodes.Failure : ExitCodes.Success;

    /// <summary>ok, warning, error (reached, a check failed), unreachable; not checked for a server of a stack shown from its file alone.</summary>
    public static string Connection(ServerStatus server) => server.Connection switch
    {
        null => "not checked",
        _ when !server.Reachable => "unreachable",
        { Status: CheckStatus.Error } => "error",
        { Status: CheckStatus.Warning } => "warning",
        _ => "ok",
    };

    /// <summary>The cells of one server's row, in the order of <see cref="Headers"/>; "-" where nothing was read.</summary>
    public static string[] Cells(ServerStatus server)
    {
        var readings = server.Readings;
        var capacity = server.Capacity;
        return
        [
            $"{server.Stack}/{server.Server.Name}", server.Server.Region ?? "-", $"{server.Server.Host}:{server.Server.Port}", Connection(server),
            readings?.Version.Split(' ')[0] ?? "-",
            $"{server.Declared}/{server.Server.MaxTenants}",
            readings is null ? "-" : readings.Databases.Count(database => database.Declared).ToString(CultureInfo.InvariantCulture),
            readings is null ? "-" : readings.Databases.Count(database => !database.Declared).ToString(CultureInfo.InvariantCulture),
            readings is null ? "-" : Size(readings.TenantBytes) + (readings.SizesUnknown > 0 ? "+?" : ""),
            readings is null ? "-" : $"{readings.Connections.InUse}/{readings.MaxConnections}",
            readings?.TransactionsPerSecond is { } tps ? tps.ToString("0.0", CultureInfo.InvariantCulture) : "-",
            $"{Verdict(capacity.Verdict)} {capacity.AgainstLimit.Percent}%{(capacity.IsDeclaredOnly ? " (declared)" : "")}",
        ];
    }

    /// <summary>
    /// The server table's headers: the server as stack/name, TENANTS declared/maxTenants, DBS the declared tenants'
    /// databases present, CONNECTIONS in use/max_connections.
    /// </summary>
    public static readonly string[] Headers =
        ["SERVER", "REGION", "ADDRESS", "STATUS", "PG", "TENANTS", "DBS", "ORPHANS", "SIZE", "CONNECTIONS", "TPS", "CAPACITY"];

    /// <summary>room, nearly full, full, over.</summary>
    public static string Verdict(CapacityVerdict verdict) => verdict switch
    {
        CapacityVerdict.Room => "room",
        CapacityVerdict.NearlyFull => "nearly full",
        CapacityVerdict.Full => "full",
        _ => "over",
    };

    /// <summary>Bytes as pg_size_pretty writes them (1024-based kB, MB, GB, TB).</summary>
    public static string Size(long bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 10 * 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return $"{value.ToString("0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    /// <summary>One note under the table: its severity, what it is about, the text and the fix.</summary>
    public sealed record Note(CheckStatus Severity, string Subject, string Text, string? Fix);

    /// <summary>Every error and warning, errors first: across stacks, stacks, servers, the scripts and the schema levels.</summary>
    public static IReadOnlyList<Note> Notes(StatusResult result)
    {
        var notes = new List<Note>();
        notes.AddRange(result.FleetProblems.Select(problem => new Note(Severity(problem.Problem), "across stacks", problem.Format(), null)));
        foreach (var stack in result.Stacks)
        {
            notes.AddRange(ProblemOutput.InFileOrder(stack.Problems).Select(problem => new Note(Severity(problem), $"stack {stack.Stack}", problem.Format(stack.File), null)));
            if (stack.NotConnected is { } why)
            {
                notes.Add(new Note(stack.HasErrors ? CheckStatus.Error : CheckStatus.Warning, $"stack {stack.Stack}", $"not connected: {why}", null));
            }
        }
        foreach (var server in result.Servers)
        {
            var subject = $"{server.Stack}/{server.Server.Name}";
            var checks = (server.Connection?.Checks ?? []).Concat(server.Findings).Where(check => check.Status != CheckStatus.Ok);
            notes.AddRange(checks.Select(check => new Note(check.Status, subject, $"{check.Name}: {check.Message}", check.Fix)));
        }
        if (result.ScriptsProblem is { } scripts && result.Request.SchemaLevels)
        {
            notes.Add(new Note(CheckStatus.Warning, "migrations", $"schema levels unknown: {scripts}", null));
        }
        foreach (var stack in result.Tenants.Where(tenant => tenant.Schema is not null).GroupBy(tenant => tenant.Stack))
        {
            var behind = stack.Count(tenant => tenant.Schema?.State is SchemaState.Behind or SchemaState.Empty);
            var unknown = stack.Where(tenant => tenant.Schema?.State is SchemaState.Unknown or SchemaState.Ahead).ToList();
            if (behind > 0)
            {
                notes.Add(new Note(CheckStatus.Warning, $"stack {stack.Key}", $"schema: {behind} of {stack.Count()} tenants behind {result.LatestScript}.",
                    $"tenantdb migrate --stack {stack.Key} (--tenants lists them)."));
            }
            if (unknown.Count > 0)
            {
                notes.Add(new Note(CheckStatus.Warning, $"stack {stack.Key}",
                    $"schema: {unknown.Count} tenant(s) not at a known level, e.g. {unknown[0].Id}: {unknown[0].Schema?.Describe()}", "--tenants lists them."));
            }
        }
        return notes.OrderByDescending(note => note.Severity).ToList();
    }

    /// <summary>The one-line summary.</summary>
    public static string Summary(StatusResult result)
    {
        var reachable = result.Servers.Count(server => server.Reachable);
        var unreachable = result.Servers.Count(server => server.Connection is not null && !server.Reachable);
        var failing = result.Servers.Count(server => server.Reachable && server.HasError);
        var notChecked = result.Servers.Count(server => server.Connection is null);
        var notes = Notes(result);
        return $"{result.Stacks.Count} stack(s), {result.Servers.Count} server(s): {reachable} reachable{(failing > 0 ? $" ({failing} with errors)" : "")}, {unreachable} unreachable, {notChecked} not checked; " +
               $"{result.Tenants.Count} tenant(s); {notes.Count(note => note.Severity == CheckStatus.Error)} error(s), " +
               $"{notes.Count(note => note.Severity == CheckStatus.Warning)} warning(s); {result.Elapsed.TotalSeconds:0.0} s" +
               (result.Cancelled ? " (cancelled: rerun status)." : ".");
    }

    /// <summary>Text from a server or a file shown as it is, with control and direction-changing characters written as <c>\uXXXX</c>.</summary>
    public static string Visible(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            shown.Append(char.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? $"\\u{(int)character:x4}" : character);
        }
        return shown.ToString();
    }

    private static CheckStatus Severity(ConfigProblem problem) => problem.Severity == ProblemSeverity.Error ? CheckStatus.Error : CheckStatus.Warning;
}

/// <summary>
/// The text form: one row per server when the rows fit the console (a CI log always), else one block per server; the
/// notes (errors first, each with its fix); with --tenants a row per tenant; and the summary.
/// </summary>
internal static class StatusTable
{
    public static void Write(IAnsiConsole console, StatusResult result, bool tenants)
    {
        var table = new TextTable(StatusOutput.Headers);
        var rows = result.Servers.Select(server => StatusOutput.Cells(server).Select(StatusOutput.Visible).ToArray()).ToList();
        rows.ForEach(row => table.Add(row));
        if (table.Width <= console.Profile.Width)
        {
            table.Write(console);
        }
        else
        {
            foreach (var cells in rows)
            {
                ConsoleLines.WriteLine(console, $"{cells[0]}  {cells[1]}  {cells[2]}  {cells[3]}  PostgreSQL {cells[4]}");
                ConsoleLines.WriteLine(console, $"  tenants {cells[5]}, databases {cells[6]}, orphans {cells[7]}, size {cells[8]}, connections {cells[9]}, tps {cells[10]}, capacity {cells[11]}");
            }
        }
        if (tenants && result.Tenants.Count > 0)
        {
            ConsoleLines.WriteLine(console);
            var list = new TextTable("STACK", "TENANT", "SERVER", "DATABASE", "EXISTS", "SIZE", "SCHEMA");
            foreach (var tenant in result.Tenants)
            {
                list.Add(StatusOutput.Visible(tenant.Stack), tenant.Id, tenant.Server ?? "-", tenant.Database,
                    tenant.Exists switch { true => "yes", false => "NO", null => "-" },
                    tenant.SizeBytes is { } size ? StatusOutput.Size(size) : "-", StatusOutput.Visible(tenant.Schema?.Describe() ?? "-"));
            }
            list.Write(console);
        }
        var notes = StatusOutput.Notes(result);
        if (notes.Count > 0)
        {
            ConsoleLines.WriteLine(console);
        }
        foreach (var note in notes)
        {
            var severity = note.Severity == CheckStatus.Error ? "error" : "warning";
            ConsoleLines.WriteLine(console, result.Mask.Apply(StatusOutput.Visible(
                note.Fix is null ? $"{severity} {note.Subject}: {note.Text}" : $"{severity} {note.Subject}: {note.Text} Fix: {note.Fix}")));
        }
        ConsoleLines.WriteLine(console, StatusOutput.Summary(result));
    }
}

/// <summary>The answer of <c>status --find</c>, in the format asked for.</summary>
internal static class StatusFindView
{
    public static void Write(IAnsiConsole console, StatusSettings settings, FindResult found, int stacks)
    {
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, StatusJson.WriteFind(found));
            return;
        }
        var rows = found.Locations.Select(location => new[]
        {
            location.TenantId, location.Stack, location.Location is { } at ? $"{location.File}:{at.Line}:{at.Column}" : location.File,
            location.Server ?? "-", location.Host is null ? "-" : $"{location.Host}:{location.Port}", location.Region ?? "-", location.Database,
        }).ToList();
        string[] headers = ["TENANT", "STACK", "DECLARED AT", "SERVER", "ADDRESS", "REGION", "DATABASE"];
        if (settings.IsMarkdown)
        {
            ConsoleLines.WriteLine(console, StatusMarkdown.Find(found, headers, rows, stacks));
            return;
        }
        if (rows.Count > 0)
        {
            var table = new TextTable(headers);
            rows.ForEach(row => table.Add(row));
            table.Write(console);
        }
        foreach (var problem in found.Problems)
        {
            ConsoleLines.WriteLine(console, problem.Format());
        }
        ConsoleLines.WriteLine(console, StatusOutput.Visible(FindSummary(found, stacks)));
    }

    /// <summary>Where the tenant lives in a sentence, or that no stack (or several) declares it.</summary>
    public static string FindSummary(FindResult found, int stacks) => found.Locations.Count switch
    {
        0 => $"Tenant '{found.TenantId}' is declared in none of the {stacks} stack file(s) read.",
        1 => $"Tenant '{found.Locations[0].TenantId}' lives on server {found.Locations[0].Server ?? "(none)"} of stack {found.Locations[0].Stack}.",
        var count => $"Tenant '{found.TenantId}' is declared in {count} stacks; a tenant id names one tenant of the fleet.",
    };
}
