using System.Globalization;
using System.Text;

namespace TenantDatabases.Fleet.Validation;

/// <summary>One thing wrong with a stack's configuration.</summary>
/// <param name="Severity">Whether it blocks the stack.</param>
/// <param name="Path">Config path, e.g. <c>tenant-databases:tenants.acme-coffee.server</c>.</param>
/// <param name="Message">What is wrong. Never contains a secret.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Location">Where in the stack file, when read from one.</param>
public sealed record ConfigProblem(
    ProblemSeverity Severity,
    string Path,
    string Message,
    string Fix,
    SourceLocation? Location = null)
{
    /// <summary>
    /// <c>file:line:col: error path: message Fix: fix</c>, the form every command prints: one line, with the control
    /// and bidirectional-format characters a hostile stack file may hold in a key or value written as <c>\uXXXX</c>.
    /// </summary>
    public string Format(string? file)
    {
        var where = file is null ? "" : Location is null ? $"{file}: " : $"{file}:{Location.Line}:{Location.Column}: ";
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        return Visible($"{where}{severity} {Path}: {Message} Fix: {Fix}");
    }

    // An escape sequence or a right-to-left override from a pull request must not reach a terminal or a CI log as such.
    private static string Visible(string line)
    {
        var shown = new StringBuilder(line.Length);
        foreach (var character in line)
        {
            var category = char.GetUnicodeCategory(character);
            shown.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                ? $"\\u{(int)character:x4}"
                : character);
        }
        return shown.ToString();
    }
}

/// <summary>How serious a <see cref="ConfigProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>Worth a look; does not block.</summary>
    Warning,
    /// <summary>The stack must not be deployed.</summary>
    Error,
}

/// <summary>A 1-based line and column in a stack file.</summary>
public sealed record SourceLocation(int Line, int Column);
