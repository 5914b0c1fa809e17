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

    /// <summary>The stack to use: <see cref="Stack"/>, else the command's default (none for most commands).</summary>
    public string StackName => Stack ?? DefaultStack ?? "";

    /// <summary>The stack a command uses when --stack is not given; null makes --stack required.</summary>
    protected virtual string? DefaultStack => null;

    /// <summary>Where to look for Pulumi.yaml (walking up); the current folder when not given.</summary>
    [CommandOption("--cwd <DIR>")]
    [Description("Look for Pulumi.yaml from this folder upwards instead of the current folder.")]
    public string? Cwd { get; init; }

    /// <summary>The folder to start from.</summary>
    public string WorkingDirectory => Cwd ?? Directory.GetCurrentDirectory();

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(StackName) ? ValidationResult.Error("--stack <STACK> is required.") : ValidationResult.Success();
}
