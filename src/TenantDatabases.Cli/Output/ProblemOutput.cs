using Spectre.Console;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Output;

/// <summary>Prints configuration problems as <c>file:line:col: error path: message Fix: fix</c> lines, or as JSON data.</summary>
internal static class ProblemOutput
{
    /// <summary>One line per problem, errors first, each kind in file order.</summary>
    public static void WriteLines(IAnsiConsole console, IEnumerable<ConfigProblem> problems, string? file)
    {
        foreach (var problem in InFileOrder(problems))
        {
            ConsoleLines.WriteLine(console, problem.Format(file));
        }
    }

    /// <summary>Errors first, then by line and column; problems without a position keep their order at the end.</summary>
    public static IEnumerable<ConfigProblem> InFileOrder(IEnumerable<ConfigProblem> problems) =>
        problems.OrderByDescending(problem => problem.Severity)
            .ThenBy(problem => problem.Location?.Line ?? int.MaxValue)
            .ThenBy(problem => problem.Location?.Column ?? int.MaxValue);

    /// <summary>Every problem as JSON data, in file order.</summary>
    public static IReadOnlyList<ProblemRecord> ToRecords(IEnumerable<ConfigProblem> problems, string? file) =>
        InFileOrder(problems).Select(problem => ToRecord(problem, file)).ToList();

    /// <summary>A problem as JSON data.</summary>
    public static ProblemRecord ToRecord(ConfigProblem problem, string? file) => new(
        problem.Severity == ProblemSeverity.Error ? "error" : "warning",
        problem.Path, problem.Message, problem.Fix, file, problem.Location?.Line, problem.Location?.Column);

    /// <summary>Prints <paramref name="problem"/> as an <c>error:</c> line, masked.</summary>
    public static void WriteError(IAnsiConsole console, string problem) =>
        ConsoleLines.WriteLine(console, "error: " + Fleet.Secrets.SecretMask.Redact(problem));
}

/// <summary>A problem in a JSON report.</summary>
internal sealed record ProblemRecord(string Severity, string Path, string Message, string Fix, string? File, int? Line, int? Column);
