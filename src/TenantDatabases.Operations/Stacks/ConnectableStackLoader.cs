using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// Loads a stack for a command that talks to its servers: validated first (as <c>tenantdb validate</c>
/// does), then the passwords from the first source that applies: <c>--config-json</c> when given; the
/// stack file itself when it uses the passphrase provider; <c>pulumi config --json --show-secrets</c>.
/// </summary>
public static class ConnectableStackLoader
{
    /// <summary>Loads the stack; never throws for bad input.</summary>
    public static async Task<ConnectableStackResult> LoadAsync(
        string? cwd, string stack, string? configJson, bool needsPasswords, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (configJson is not null)
        {
            return FromConfigJson(ProjectLocator.Locate(cwd, stack).Location?.ProjectDirectory, configJson);
        }
        var load = StackLoader.Load(cwd, stack);
        if (load.IsUsageProblem)
        {
            return ConnectableStackResult.Failed(isUsageProblem: true, load.Location?.ProjectDirectory, load.Problem);
        }
        if (!load.IsValid)
        {
            return ConnectableStackResult.Invalid(load.Location?.ProjectDirectory, load.Errors.ToList(), load.DisplayFile);
        }
        var project = load.Location.ProjectDirectory;
        var warnings = load.Warnings.ToList();
        if (!needsPasswords)
        {
            return ConnectableStackResult.Loaded(load.Configuration, ServerPasswords.None, project, "", warnings, load.DisplayFile);
        }
        var secrets = await StackFileSecretSource.PasswordsAsync(load.File, load.Configuration.Servers, stack, project, environment, cancellationToken);
        return secrets.Succeeded
            ? ConnectableStackResult.Loaded(load.Configuration, secrets.Passwords, project, secrets.Source, warnings, load.DisplayFile)
            : ConnectableStackResult.Failed(secrets.IsUsageProblem, project, secrets.Problem, secrets.Source);
    }

    private static ConnectableStackResult FromConfigJson(string? project, string path)
    {
        var read = ConfigJsonFile.Read(path);
        if (!read.IsReadable)
        {
            return ConnectableStackResult.Failed(isUsageProblem: true, project, read.Secrets.Problem ?? $"{path}: cannot be read.", read.Secrets.Source);
        }
        var validation = FleetConfigurationReader.Read(read.Config, ConfigOrigin.PulumiConfig);
        if (!validation.IsValid || validation.Configuration is null)
        {
            return ConnectableStackResult.Invalid(project, validation.Errors.ToList(), path);
        }
        var secrets = read.Secrets;
        return secrets.Succeeded
            ? ConnectableStackResult.Loaded(validation.Configuration, secrets.Passwords, project, secrets.Source, validation.Warnings.ToList(), path)
            : ConnectableStackResult.Failed(isUsageProblem: false, project, secrets.Problem, secrets.Source);
    }
}
