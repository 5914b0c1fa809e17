using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Commands;

/// <summary>Options every stack command shares: <c>--stack</c> and <c>--cwd</c>.</summary>
public partial class StackCommandSettings : CommandSettings
{
    /// <summary>The stack whose <c>Pulumi.&lt;stack&gt;.yaml</c> is read.</summary>
    [CommandOption("--stack <STACK>")]
    [Description("The stack: its settings are read from Pulumi.<stack>.yaml beside Pulumi.yaml.")]
    public string? Stack { get; init; }

    /// <summary>Where to start looking for Pulumi.yaml (default: the current folder).</summary>
    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml from this folder upwards instead of the current folder.")]
    public string? Cwd { get; init; }

    /// <summary>False for commands that can run without a stack (e.g. from an outputs file).</summary>
    protected virtual bool StackRequired => true;

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (Stack is null)
        {
            return StackRequired ? Spectre.Console.ValidationResult.Error("--stack <STACK> is required (e.g. --stack dev).") : base.Validate();
        }
        return StackName().IsMatch(Stack) && Stack is not ("." or "..")
            ? base.Validate()
            : Spectre.Console.ValidationResult.Error($"'{Stack}' is not a stack name (letters, digits, '-', '_' and '.').");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackName();
}
