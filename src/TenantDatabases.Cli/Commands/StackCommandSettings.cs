using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

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
        return StackNamePattern().IsMatch(Stack) && Stack is not ("." or "..")
            ? base.Validate()
            : ValidationResult.Error($"'{Stack}' is not a stack name (letters, digits, '-', '_' and '.').");
    }

    /// <summary>A problem when <c>--cwd</c> names no folder (for commands that run other programs there).</summary>
    protected ValidationResult? CwdProblem() =>
        Cwd is not null && !Directory.Exists(Cwd) ? ValidationResult.Error($"--cwd {Cwd}: no such folder.") : null;

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackNamePattern();
}
