
namespace TenantDatabases.Operations.Secrets;

/// <summary>
/// The passphrase of a passphrase-protected stack, from the same environment variables the Pulumi CLI
/// reads: <c>PULUMI_CONFIG_PASSPHRASE</c>, else the file named by <c>PULUMI_CONFIG_PASSPHRASE_FILE</c>.
/// As in the CLI, a variable that is set but empty is the empty passphrase and the file is then ignored.
/// </summary>
public static class PassphraseSource
{
    /// <summary>The variable holding the passphrase itself.</summary>
    public const string Variable = "PULUMI_CONFIG_PASSPHRASE";

    /// <summary>The variable naming a file that holds the passphrase.</summary>
    public const string FileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    /// <summary>The dev stack's passphrase (Pulumi.dev.yaml only; it protects nothing real).</summary>
    public const string DevPassphrase = "tenantdb-dev-passphrase";

    /// <summary>What a decrypt problem adds when <see cref="IsSetButEmpty"/>: the usual cause is a CI secret that does not exist.</summary>
    public const string EmptyVariableNote =
        $"{Variable} is set but empty (a CI secret that does not exist arrives as \"\"), so the empty passphrase was used " +
        $"and {FileVariable} was ignored, as the Pulumi CLI does. Set {Variable} to the stack's passphrase, or unset it to use {FileVariable}.";

    /// <summary>True when <c>PULUMI_CONFIG_PASSPHRASE</c> is set to the empty string.</summary>
    public static bool IsSetButEmpty(Func<string, string?> environment) => environment(Variable) is "";

    /// <summary>The passphrase, or a problem that says which variable to set (and never what was in it).</summary>
    public static Result<string> Read(Func<string, string?> environment, string stack)
    {
        if (environment(Variable) is { } passphrase)
        {
            return new Result<string>(passphrase, null);
        }
        var file = environment(FileVariable);
        if (string.IsNullOrEmpty(file))
        {
            var devHint = stack == "dev" ? $" The dev stack's passphrase is '{DevPassphrase}'." : "";
            return Result<string>.Refused($"The stack '{stack}' keeps its secrets with a passphrase, and neither {Variable} nor {FileVariable} is set. " +
                          $"Set one of them (or pass --config-json with the output of 'pulumi config --json --show-secrets').{devHint}");
        }
        try
        {
            // As the Pulumi CLI reads it (strings.TrimSpace, passphrase/manager.go): white space at either end is no
            // part of the passphrase, so both tools open the same stack with the same file.
            return new Result<string>(File.ReadAllText(file).Trim(), null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Result<string>.Refused($"Cannot read the passphrase file {file} named by {FileVariable}: {error.Message}");
        }
    }
}
