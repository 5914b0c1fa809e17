// Commands: one folder per verb; the options every command shares live here.
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using Spectre.Console;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Cli.Commands;

/// <summary>The options every stack command shares, declared once: <c>--stack</c> and <c>--cwd</c>.</summary>
internal partial class StackCommandSettings : CommandSettings
{
    /// <summary>The stack whose <c>Pulumi.&lt;stack&gt;.yaml</c> is read.</summary>
    [CommandOption("--stack <STACK>")]
    [Description("The stack: its settings are read from Pulumi.<stack>.yaml beside Pulumi.yaml.")]
    public string? Stack { get; init; }

    /// <summary>Where to start looking for Pulumi.yaml (default: the current folder).</summary>
    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml from this folder upwards instead of the current folder.")]
    public string? Cwd { get; init; }

    /// <summary>The stack, once <see cref="Validate"/> has passed for a command that requires one.</summary>
    public string StackName => Stack ?? "";

    /// <summary>False for commands that can run without a stack (e.g. from an outputs file).</summary>
    protected virtual bool StackRequired => true;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Stack is null)
        {
            return StackRequired ? ValidationResult.Error("--stack is required (e.g. --stack dev).") : base.Validate();
        }
        return IsStackName(Stack)
            ? base.Validate()
            : ValidationResult.Error($"'{Stack}' is not a stack name (letters, digits, '-', '_' and '.').");
    }

    /// <summary>True for a stack's short name as <c>Pulumi.&lt;stack&gt;.yaml</c> spells it.</summary>
    public static bool IsStackName(string stack) => StackNamePattern().IsMatch(stack) && stack is not ("." or "..");

    /// <summary>A problem when <c>--cwd</c> names no folder (for commands that run other programs there).</summary>
    protected ValidationResult? CwdProblem() =>
        Cwd is not null && !Directory.Exists(Cwd) ? ValidationResult.Error($"--cwd {Cwd}: no such folder.") : null;

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackNamePattern();
}

/// <summary>Stack command settings with <c>--format table|json</c>, declared once; the value is read case-insensitively.</summary>
internal class FormatSettings : StackCommandSettings
{
    /// <summary><c>table</c> (default, for people) or <c>json</c> (for scripts); <c>markdown</c> where a command writes it.</summary>
    [CommandOption(OutputFormat.Option)]
    [Description("table (default) or json (one JSON document on standard output; any other output goes to standard error); status also writes markdown (for $GITHUB_STEP_SUMMARY).")]
    [DefaultValue(OutputFormat.Table)]
    public string Format { get; init; } = OutputFormat.Table;

    /// <summary>True for <c>--format json</c> (any case).</summary>
    public bool IsJson => OutputFormat.IsJson(Format);

    /// <summary>True for <c>--format markdown</c> (any case), which only a command that writes it accepts.</summary>
    public bool IsMarkdown => WritesMarkdown && OutputFormat.IsMarkdown(Format);

    /// <summary>True for a command that writes markdown (status).</summary>
    protected virtual bool WritesMarkdown => false;

    /// <inheritdoc />
    public override ValidationResult Validate() => OutputFormat.Problem(Format, WritesMarkdown) ?? base.Validate();
}

/// <summary>
/// The rule of <c>--format</c>, one for every command that has it (with a stack or without): <c>table</c> or
/// <c>json</c>, in any case; and <c>markdown</c> for a command that writes it (status, for a job summary).
/// </summary>
internal static class OutputFormat
{
    /// <summary>The option's template.</summary>
    public const string Option = "--format <FORMAT>";

    /// <summary>The default: tables, for people.</summary>
    public const string Table = "table";

    /// <summary>GitHub-flavoured markdown, for <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public const string Markdown = "markdown";

    /// <summary>True for <c>json</c> (any case).</summary>
    public static bool IsJson(string format) => format.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>markdown</c> (any case).</summary>
    public static bool IsMarkdown(string format) => format.Equals(Markdown, StringComparison.OrdinalIgnoreCase);

    /// <summary>A usage error for anything but table or json (or markdown, when <paramref name="markdown"/>); null when the value is one of them.</summary>
    public static ValidationResult? Problem(string format, bool markdown = false) =>
        IsJson(format) || format.Equals(Table, StringComparison.OrdinalIgnoreCase) || (markdown && IsMarkdown(format))
            ? null
            : ValidationResult.Error($"--format must be table{(markdown ? ", json or markdown" : " or json")}, not '{format}'.");
}

/// <summary>
/// <c>--scripts &lt;DIR&gt;</c>, which means the same on migrate, verify, deploy and <c>migrations</c>: the folder of
/// NNNN_name.sql scripts instead of the migrations/ folder beside Pulumi.yaml.
/// </summary>
internal static class ScriptsOption
{
    public const string Description =
        "The folder of NNNN_name.sql scripts, instead of the migrations/ folder beside Pulumi.yaml (needed where there is no Pulumi.yaml). Example: --scripts migrations";
}

/// <summary>What migrate and verify share: where the stack outputs come from, which tenants, the scripts, the report and its format.</summary>
/// <remarks>
/// <c>--stack</c> reads the outputs with 'pulumi stack output --json --show-secrets --stack &lt;STACK&gt;', run in <c>--cwd</c>;
/// with <c>--outputs</c> too, the outputs come from the file and the stack gives its servers' admin passwords, which adopted
/// tenants whose owner password the stack does not hold are reached with.
/// </remarks>
internal class TenantRunSettings : FormatSettings
{
    [CommandOption("--outputs <FILE>")]
    [Description("Read the outputs from a file (the JSON of 'pulumi stack output --json --show-secrets'), or '-' for standard input; with --stack, the stack gives only its servers' admin passwords (for adopted tenants).")]
    public string? Outputs { get; init; }

    [CommandOption("--tenant <ID>")]
    [Description("Only this tenant (repeatable).")]
    public string[] Tenants { get; init; } = [];

    [CommandOption("--server <NAME>")]
    [Description("Only the tenants of this server (repeatable).")]
    public string[] Servers { get; init; } = [];

    [CommandOption("--scripts <DIR>")]
    [Description(ScriptsOption.Description)]
    public string? Scripts { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Write a JSON report with every tenant's result to this file.")]
    public string? Report { get; init; }

    protected override bool StackRequired => false;

    /// <summary>The tenants these options select.</summary>
    public TenantRunRequest ToRequest() => new(Stack, Cwd, Outputs, Tenants, Servers);

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        if (!shared.Successful)
        {
            return shared;
        }
        if (Stack is null && Outputs is null)
        {
            return ValidationResult.Error("Give --stack <name> (reads 'pulumi stack output') or --outputs <file|->, or both (the stack then gives only its servers' admin passwords, for adopted tenants).");
        }
        if (ReportFile.Problem(Report) is { } report)
        {
            return ValidationResult.Error(report);
        }
        return CwdProblem() ?? ValidationResult.Success();
    }
}

/// <summary>
/// A value an option cannot take, raised by the options' own converters so that the command line names the option and
/// what it takes (<c>--statement-timeout abc: not a whole number</c>) instead of .NET's "Failed to convert 'abc' to Int32".
/// </summary>
internal sealed class OptionValueException(string value, string expected) : FormatException($"'{value}' is not {expected}")
{
    /// <summary>The value as typed.</summary>
    public string Value { get; } = value;

    /// <summary>What the option takes, e.g. "a whole number".</summary>
    public string Expected { get; } = expected;
}

/// <summary>The converter of options that take a whole number (<c>--parallel</c>, <c>--lock-timeout</c>, …).</summary>
internal sealed class WholeNumberConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        int.TryParse(value as string, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new OptionValueException(value as string ?? "", "a whole number");
}

/// <summary>The converter of options that take seconds, fractions allowed (<c>--timeout 2.5</c>).</summary>
internal sealed class SecondsConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        double.TryParse(value as string, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new OptionValueException(value as string ?? "", "a number of seconds");
}
