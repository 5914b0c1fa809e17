using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TenantDatabases.Cli.Stacks;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Cli.Commands;

/// <summary><c>tenantdb validate</c>: checks a stack file without secrets or network; the pull-request check.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ReportFormatSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ReportFormatSettings settings, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(settings.Cwd, settings.Stack!);
        if (settings.IsJson)
        {
            ConsoleLines.WriteLine(console, JsonSerializer.Serialize(Report(settings.Stack!, load), ProblemOutput.Json));
            return load.ExitCode;
        }
        if (load.UsageError is not null)
        {
            ConsoleLines.WriteLine(console, $"error: {load.UsageError}");
            return load.ExitCode;
        }
        ProblemOutput.WriteLines(console, load.Problems, load.DisplayFile);
        var errors = load.Problems.Count(problem => problem.Severity == ProblemSeverity.Error);
        var warnings = load.Problems.Count - errors;
        var configuration = load.Validation?.Configuration;
        ConsoleLines.WriteLine(console, load.IsValid
            ? $"{load.DisplayFile}: valid ({configuration!.Servers.Count} servers, {configuration.Tenants.Count} tenants, {Plural(warnings, "warning")})."
            : $"{load.DisplayFile}: invalid ({Plural(errors, "error")}, {Plural(warnings, "warning")}).");
        return load.ExitCode;
    }

    private static ValidationReport Report(string stack, StackLoad load) => new(
        stack, load.DisplayFile, load.IsValid,
        load.Problems.Count(problem => problem.Severity == ProblemSeverity.Error),
        load.Problems.Count(problem => problem.Severity == ProblemSeverity.Warning),
        load.Validation?.Configuration?.Servers.Count, load.Validation?.Configuration?.Tenants.Count,
        ProblemOutput.InFileOrder(load.Problems).Select(problem => ProblemOutput.ToRecord(problem, load.DisplayFile)).ToList(),
        load.UsageError);

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

/// <summary>The JSON of <c>tenantdb validate --format json</c>.</summary>
public sealed record ValidationReport(
    string Stack, string? File, bool Valid, int Errors, int Warnings, int? Servers, int? Tenants,
    IReadOnlyList<ProblemRecord> Problems, string? Error);
