// Output: what several commands render: problem lines, consoles, tables, JSON and --report.
using Spectre.Console;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Stacks;
using TenantDatabases.Operations.Tenants;

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

/// <summary>Prints why a stack did not load (configuration problems as <c>tenantdb validate</c> prints them) and its warnings.</summary>
internal static class ConnectableStackOutput
{
    /// <summary>0 loaded; 1 invalid configuration or secrets that do not decrypt; 2 a missing or unreadable input.</summary>
    public static int ExitCode(ConnectableStackResult stack) =>
        stack.Succeeded ? ExitCodes.Success : stack.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>Prints the problems of <paramref name="stack"/> and returns its exit code.</summary>
    public static int Refused(IAnsiConsole console, ConnectableStackResult stack)
    {
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
        if (stack.Problem is { } problem)
        {
            ProblemOutput.WriteError(console, problem);
        }
        return ExitCode(stack);
    }

    /// <summary>Prints the configuration warnings of a loaded stack.</summary>
    public static void Warnings(IAnsiConsole console, ConnectableStackResult stack) =>
        ProblemOutput.WriteLines(console, stack.Problems, stack.ProblemFile);
}

/// <summary>How migrate and verify show the stack outputs they read: a warning about an exposed file, and every problem.</summary>
internal static class TenantSelectionOutput
{
    /// <summary>0 selected; 1 outputs that are not valid; 2 unreadable outputs or a filter that matches nothing.</summary>
    public static int ExitCode(TenantSelectionResult selection) =>
        selection.Succeeded ? ExitCodes.Success : selection.IsUsageProblem ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>The warning to <paramref name="warnings"/> (stderr when stdout must stay one JSON document), problems to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, IAnsiConsole warnings, TenantSelectionResult selection)
    {
        if (selection.Warning is { } warning)
        {
            warnings.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
        foreach (var problem in selection.Problems)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Fleet.Secrets.SecretMask.Redact(problem)}");
        }
    }
}

/// <summary>
/// What a verb's view made of its result: the exit code, the one line deploy's summary shows for it, and its JSON
/// document. Every verb has one view, used by its own command and by deploy's stage alike.
/// </summary>
/// <param name="ExitCode">The verb's exit code.</param>
/// <param name="Summary">The line that sums the result up (deploy shows it beside the stage).</param>
/// <param name="Json">The verb's JSON document, when it has one (deploy's report embeds it).</param>
internal sealed record VerbOutput(int ExitCode, string? Summary, string? Json = null)
{
    /// <summary>The first of <paramref name="problems"/> as deploy's one line, password settings masked.</summary>
    public static string? FirstError(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? null : $"error: {Fleet.Secrets.SecretMask.Redact(problems[0])}";
}
