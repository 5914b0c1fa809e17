using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli;

/// <summary>Prints configuration problems as <c>file:line:col: error path: message Fix: fix</c> lines, or as JSON data.</summary>
public static class ProblemOutput
{
    /// <summary>JSON options shared by the commands' reports.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        // Readable quotes and angle brackets: the output is data for scripts, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

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

    /// <summary>A problem as JSON data.</summary>
    public static ProblemRecord ToRecord(ConfigProblem problem, string? file) => new(
        problem.Severity == ProblemSeverity.Error ? "error" : "warning",
        problem.Path, problem.Message, problem.Fix, file, problem.Location?.Line, problem.Location?.Column);
}

/// <summary>A problem in a JSON report.</summary>
public sealed record ProblemRecord(string Severity, string Path, string Message, string Fix, string? File, int? Line, int? Column);
