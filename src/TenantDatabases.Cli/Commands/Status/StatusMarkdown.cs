using System.Text;
using TenantDatabases.Operations.Preflight;
using TenantDatabases.Operations.Status;

namespace TenantDatabases.Cli.Commands.Status;

/// <summary>
/// Status as GitHub-flavoured markdown for <c>$GITHUB_STEP_SUMMARY</c>, where people look rather than read: a heading
/// that says the state, one row per server with a mark, the errors and warnings as a list, the tenants folded away.
/// Every name is escaped: a database name from a server or a key from a pull request cannot add markup.
/// </summary>
internal static class StatusMarkdown
{
    private const string Ok = "✅", Warning = "⚠️", Error = "❌", NotChecked = "⏸️";

    public static string Write(StatusResult result, int exitCode, bool tenants)
    {
        var text = new StringBuilder();
        var notes = StatusOutput.Notes(result);
        var errors = notes.Count(note => note.Severity == CheckStatus.Error);
        var warnings = notes.Count(note => note.Severity == CheckStatus.Warning);
        var unreachable = result.Servers.Count(server => server.Connection is not null && !server.Reachable);
        var scope = result.Request.Stack is { } stack ? $"stack {stack}" : $"{result.Stacks.Count} stacks";
        var state = exitCode == ExitCodes.Success
            ? warnings == 0 ? $"{Ok} every server reachable" : $"{Warning} {warnings} warning(s)"
            : unreachable > 0 ? $"{Error} {unreachable} server(s) unreachable" : $"{Error} {errors} error(s)";
        text.Append("## tenantdb status, ").Append(Escape(scope)).Append(": ").Append(state).Append("\n\n");

        var headers = StatusOutput.Headers;
        text.Append("| |").Append(string.Concat(headers.Select(header => $" {Title(header)} |"))).Append('\n');
        text.Append("|---|").Append(string.Concat(headers.Select((_, column) => column is >= 4 and <= 10 ? "---:|" : "---|"))).Append('\n');
        foreach (var server in result.Servers)
        {
            var mark = server.Connection is null ? NotChecked : Mark(server.Status);
            text.Append("| ").Append(mark).Append(" |")
                .Append(string.Concat(StatusOutput.Cells(server).Select(cell => $" {Escape(cell)} |"))).Append('\n');
        }
        text.Append('\n');

        foreach (var (severity, title) in new[] { (CheckStatus.Error, "Errors"), (CheckStatus.Warning, "Warnings") })
        {
            var listed = notes.Where(note => note.Severity == severity).ToList();
            if (listed.Count == 0)
            {
                continue;
            }
            text.Append("**").Append(title).Append("**\n\n");
            foreach (var note in listed)
            {
                text.Append("- ").Append(Mark(severity)).Append(' ').Append("**").Append(Escape(note.Subject)).Append("** ").Append(Escape(note.Text));
                if (note.Fix is { } fix)
                {
                    text.Append(" *Fix:* ").Append(Escape(fix));
                }
                text.Append('\n');
            }
            text.Append('\n');
        }

        if (tenants && result.Tenants.Count > 0)
        {
            text.Append("<details><summary>Tenants (").Append(result.Tenants.Count).Append(")</summary>\n\n");
            text.Append("| Stack | Tenant | Server | Database | Exists | Size | Schema |\n|---|---|---|---|---|---:|---|\n");
            foreach (var tenant in result.Tenants)
            {
                string[] cells = [tenant.Stack, tenant.Id, tenant.Server ?? "-", tenant.Database,
                    tenant.Exists switch { true => "yes", false => "no", null => "-" },
                    tenant.SizeBytes is { } size ? StatusOutput.Size(size) : "-", tenant.Schema?.Describe() ?? "-"];
                text.Append('|').Append(string.Concat(cells.Select(cell => $" {Escape(cell)} |"))).Append('\n');
            }
            text.Append("\n</details>\n\n");
        }
        text.Append("<sub>").Append(Escape(StatusOutput.Summary(result)))
            .Append(Escape($" Sample {result.Request.Sample.TotalSeconds:0.#} s, timeout {result.Request.Timeout.TotalSeconds:0.#} s; newest script {result.LatestScript ?? "unknown"}."))
            .Append("</sub>\n");
        return text.ToString();
    }

    /// <summary>The answer of <c>status --find</c> as a small table.</summary>
    public static string Find(FindResult found, string[] headers, IReadOnlyList<string[]> rows, int stacks)
    {
        var text = new StringBuilder("## tenantdb status --find ").Append(Escape(found.TenantId)).Append("\n\n");
        if (rows.Count > 0)
        {
            text.Append('|').Append(string.Concat(headers.Select(header => $" {Title(header)} |"))).Append('\n')
                .Append('|').Append(string.Concat(headers.Select(_ => "---|"))).Append('\n');
            foreach (var row in rows)
            {
                text.Append('|').Append(string.Concat(row.Select(cell => $" {Escape(cell)} |"))).Append('\n');
            }
            text.Append('\n');
        }
        foreach (var problem in found.Problems)
        {
            text.Append("- ").Append(Error).Append(' ').Append(Escape(problem.Format())).Append('\n');
        }
        return text.Append('\n').Append(Escape(StatusFindView.FindSummary(found, stacks))).Append('\n').ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as literal markdown: every character that could start markup is backslash-escaped, line
    /// breaks become spaces, and control or direction-changing characters are written as <c>\uXXXX</c>.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in StatusOutput.Visible(text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ')))
        {
            if ("\\`*_{}[]<>()#+-!|~&".Contains(character))
            {
                escaped.Append('\\');
            }
            escaped.Append(character);
        }
        return escaped.ToString();
    }

    private static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Ok => Ok,
        CheckStatus.Warning => Warning,
        _ => Error,
    };

    private static string Title(string header) => header.Length == 0 ? header : header[0] + header[1..].ToLowerInvariant();
}
