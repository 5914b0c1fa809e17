using Spectre.Console;

namespace TenantDatabases.Cli.Commands;

/// <summary>
/// The rule of <c>--format</c>, one for every command that has it (with a stack or without): <c>table</c> or
/// <c>json</c>, in any case.
/// </summary>
internal static class OutputFormat
{
    /// <summary>The option's template.</summary>
    public const string Option = "--format <FORMAT>";

    /// <summary>The default: tables, for people.</summary>
    public const string Table = "table";

    /// <summary>True for <c>json</c> (any case).</summary>
    public static bool IsJson(string format) => format.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A usage error for anything but table or json; null when the value is one of them.</summary>
    public static ValidationResult? Problem(string format) =>
        IsJson(format) || format.Equals(Table, StringComparison.OrdinalIgnoreCase)
            ? null
            : ValidationResult.Error($"--format must be table or json, not '{format}'.");
}
