using TenantDatabases.Cli.Project;
using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Cli.Stacks;

/// <summary>
/// Loads a stack for a command that talks to its servers: validated first (as <c>tenantdb validate</c>
/// does), then the passwords from the first source that applies: <c>--config-json</c> when given; the
/// stack file itself when it uses the passphrase provider; <c>pulumi config --json --show-secrets</c>.
/// </summary>
public static class ConnectableStackLoader
{
    /// <summary>Loads the stack; never throws for bad input.</summary>
    public static async Task<ConnectableStack> LoadAsync(
        string? cwd, string stack, string? configJson, bool needsPasswords, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (configJson is not null)
        {
            return FromConfigJson(ProjectLocator.Locate(cwd, stack).Location?.ProjectDirectory, configJson);
        }
        var load = StackLoader.Load(cwd, stack);
        if (load.UsageError is not null)
        {
            return ConnectableStack.Failed(ExitCodes.Usage, load.Location?.ProjectDirectory, load.UsageError);
        }
        var project = load.Location!.ProjectDirectory;
        if (!load.IsValid)
        {
            return ConnectableStack.Invalid(project, load.Problems.Where(IsError).ToList(), load.DisplayFile);
        }
        var configuration = load.Validation!.Configuration!;
        var warnings = load.Problems.Where(problem => !IsError(problem)).ToList();
        if (!needsPasswords)
        {
            return new ConnectableStack(ExitCodes.Success, configuration, null, project, "", [], warnings, load.DisplayFile);
        }
        var secrets = await StackFileSecretSource.PasswordsAsync(load.File!, configuration.Servers, stack, project, environment, cancellationToken);
        return secrets.Passwords is null
            ? ConnectableStack.Failed(secrets.IsUsageError ? ExitCodes.Usage : ExitCodes.Failure, project, secrets.Failure!, secrets.Source)
            : new ConnectableStack(ExitCodes.Success, configuration, secrets.Passwords, project, secrets.Source, [], warnings, load.DisplayFile);
    }

    private static ConnectableStack FromConfigJson(string? project, string path)
    {
        var (config, secrets) = ConfigJsonFile.Read(path);
        if (config is null)
        {
            return ConnectableStack.Failed(ExitCodes.Usage, project, secrets.Failure!, secrets.Source);
        }
        var validation = FleetConfigurationReader.Read(config, ConfigOrigin.PulumiConfig);
        if (!validation.IsValid)
        {
            return ConnectableStack.Invalid(project, validation.Errors.ToList(), path);
        }
        return secrets.Passwords is null
            ? ConnectableStack.Failed(ExitCodes.Failure, project, secrets.Failure!, secrets.Source)
            : new ConnectableStack(ExitCodes.Success, validation.Configuration, secrets.Passwords, project, secrets.Source, [], validation.Warnings.ToList(), path);
    }

    private static bool IsError(ConfigProblem problem) => problem.Severity == ProblemSeverity.Error;
}
