// Validate: the `tenantdb validate` command: its settings and what it renders.
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Validate;

/// <summary><c>tenantdb validate</c>: checks a stack file without secrets or network; the pull-request check.</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var load = StackLoader.Load(settings.Cwd, settings.StackName);
        return ValidateView.Show(console, settings.StackName, load, settings.IsJson).ExitCode;
    }
}

/// <summary>Options of <c>tenantdb validate</c>: <c>--stack</c>, <c>--cwd</c> and <c>--format</c>.</summary>
internal sealed class ValidateSettings : FormatSettings;

/// <summary>How a validation is shown: every problem in file order, then one closing line (which deploy's summary shows too).</summary>
internal static class ValidateView
{
    /// <summary>Shows <paramref name="load"/> as a table (the problem lines, then the closing line) or as JSON.</summary>
    public static VerbOutput Show(IAnsiConsole console, string stack, StackLoadResult load, bool json)
    {
        var document = ReportJson.Serialize(ValidationReport.From(stack, load));
        if (json)
        {
            ConsoleLines.WriteLine(console, document);
        }
        else
        {
            Write(console, load);
        }
        return new VerbOutput(ExitCode(load), ClosingLine(load), document);
    }

    /// <summary>0 valid, 1 invalid, 2 a missing or unreadable stack.</summary>
    public static int ExitCode(StackLoadResult load) =>
        load.IsUsageProblem ? ExitCodes.Usage : load.IsValid ? ExitCodes.Success : ExitCodes.Failure;

    /// <summary>The problem lines and the closing line.</summary>
    public static void Write(IAnsiConsole console, StackLoadResult load)
    {
        if (!load.IsUsageProblem)
        {
            ProblemOutput.WriteLines(console, load.Problems, load.DisplayFile);
        }
        ConsoleLines.WriteLine(console, ClosingLine(load));
    }

    /// <summary>"file: valid (…)", "file: invalid (…)" or the usage problem.</summary>
    public static string ClosingLine(StackLoadResult load)
    {
        if (load.IsUsageProblem)
        {
            return $"error: {load.Problem}";
        }
        var errors = load.Errors.Count();
        var warnings = load.Warnings.Count();
        return load.IsValid
            ? $"{load.DisplayFile}: valid ({load.Configuration.Servers.Count} servers, {load.Configuration.Tenants.Count} tenants, {Plural(warnings, "warning")})."
            : $"{load.DisplayFile}: invalid ({Plural(errors, "error")}, {Plural(warnings, "warning")}).";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

/// <summary>The JSON of <c>tenantdb validate --format json</c>.</summary>
internal sealed record ValidationReport(
    string Stack, string? File, bool Valid, int Errors, int Warnings, int? Servers, int? Tenants,
    IReadOnlyList<ProblemRecord> Problems, string? Error)
{
    public static ValidationReport From(string stack, StackLoadResult load) => new(
        stack, load.DisplayFile, load.IsValid, load.Errors.Count(), load.Warnings.Count(),
        load.Configuration?.Servers.Count, load.Configuration?.Tenants.Count,
        ProblemOutput.ToRecords(load.Problems, load.DisplayFile), load.Problem);
}
