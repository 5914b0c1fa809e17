using Spectre.Console;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Cli.Commands.Validate;

/// <summary>How a validation is shown: every problem in file order, then one closing line (which deploy's summary shows too).</summary>
internal static class ValidateOutput
{
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
