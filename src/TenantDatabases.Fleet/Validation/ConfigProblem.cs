// Validation: every rule of the configuration, one file per subject, and what a problem is.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TenantDatabases.Fleet.Model;

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
        return VisibleText.Of($"{where}{severity} {Path}: {Message} Fix: {Fix}");
    }
}

/// <summary>
/// Text from outside (a stack file's key, a database name a server returned) made safe for one line of a terminal or a
/// CI log: every control, bidirectional-format and line-separator character is written as <c>\uXXXX</c>. The one rule,
/// for every command that prints such text.
/// </summary>
public static class VisibleText
{
    /// <summary><paramref name="line"/> with every invisible or terminal-controlling character escaped.</summary>
    public static string Of(string line)
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

/// <summary>Collects problems while a configuration is read, so every problem is reported at once.</summary>
internal sealed class ProblemList
{
    private readonly List<ConfigProblem> problems = [];

    public IReadOnlyList<ConfigProblem> All => problems;

    public void Error(string path, string message, string fix, SourceLocation? location) =>
        problems.Add(new ConfigProblem(ProblemSeverity.Error, path, message, fix, location));

    public void Warning(string path, string message, string fix, SourceLocation? location) =>
        problems.Add(new ConfigProblem(ProblemSeverity.Warning, path, message, fix, location));

    public void Add(ConfigProblem problem) => problems.Add(problem);

    /// <summary>Keeps echoed input short so one bad value cannot flood the output.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : text[..61] + "...";
}

/// <summary>The outcome of reading and validating a stack's configuration: the model (when it could be read) and every problem.</summary>
public sealed record ValidationResult(FleetConfiguration? Configuration, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>Errors only.</summary>
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ProblemSeverity.Error);

    /// <summary>Warnings only.</summary>
    public IEnumerable<ConfigProblem> Warnings => Problems.Where(problem => problem.Severity == ProblemSeverity.Warning);

    /// <summary>True when nothing blocks the stack.</summary>
    [MemberNotNullWhen(true, nameof(Configuration))]
    public bool IsValid => Configuration is not null && !Errors.Any();
}
