using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TenantDatabases.Cli.Stacks;

/// <summary>The options every stack command shares: <c>--stack</c> and <c>--cwd</c>.</summary>
public class StackOptions : CommandSettings
{
    /// <summary>The stack name.</summary>
    [CommandOption("--stack <STACK>")]
    [Description("The stack: reads Pulumi.<STACK>.yaml beside Pulumi.yaml.")]
    public string? Stack { get; init; }

    /// <summary>Where to look for Pulumi.yaml (walking up); the current folder when not given.</summary>
    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml from this folder upwards instead of the current folder.")]
    public string? Cwd { get; init; }

    /// <summary>The folder to start from.</summary>
    public string WorkingDirectory => Cwd ?? Directory.GetCurrentDirectory();

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Stack) ? ValidationResult.Error("--stack <STACK> is required.") : ValidationResult.Success();
}
