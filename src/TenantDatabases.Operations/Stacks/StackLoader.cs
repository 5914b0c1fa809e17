using TenantDatabases.Fleet.Configuration;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Fleet.Validation;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Stacks;

/// <summary>
/// Loads a stack for a command that talks to its servers: validated first, then the passwords from the
/// first source that applies — <c>--config-json</c> when given; the stack file itself when it uses the
/// passphrase provider; <c>pulumi config --json --show-secrets</c> when the CLI is on PATH.
/// </summary>
public static class StackLoader
{
    /// <summary>Loads <paramref name="request"/>; never throws for bad input.</summary>
    public static async Task<LoadedStack> LoadAsync(StackRequest request, CancellationToken cancellationToken = default)
    {
        var project = ProjectLocation.Find(request.WorkingDirectory);
        if (request.ConfigJsonFile is { } jsonFile)
        {
            return FromConfigJson(project, jsonFile);
        }
        if (project is null)
        {
            return LoadedStack.Unusable(null,
                $"No Pulumi.yaml in {Path.GetFullPath(request.WorkingDirectory)} or any folder above it. Run from the project, or pass --cwd <project folder>.");
        }
        var path = ProjectLocation.StackFile(project, request.Stack);
        if (!File.Exists(path))
        {
            return LoadedStack.Unusable(project, $"{path}: the stack file does not exist. Check --stack (stack files are Pulumi.<stack>.yaml beside Pulumi.yaml).");
        }
        var read = StackFileReader.Read(path);
        if (!read.IsReadable)
        {
            return LoadedStack.Invalid(project, read.Problems.Select(problem => problem.Format(path)).ToList());
        }
        var file = read.File!;
        var validation = FleetConfigurationReader.Read(file.Config, ConfigOrigin.StackFile);
        if (!validation.IsValid)
        {
            return LoadedStack.Invalid(project, validation.Errors.Select(problem => problem.Format(path)).ToList());
        }
        var warnings = validation.Warnings.Select(problem => problem.Format(path)).ToList();
        if (!request.NeedsPasswords)
        {
            return new LoadedStack(StackLoadStatus.Loaded, validation.Configuration, null, project, "", [], warnings);
        }
        var secrets = await PasswordsForStackFileAsync(request, project, path, file, validation, cancellationToken);
        return secrets.Passwords is null
            ? new LoadedStack(secrets.IsUsageError ? StackLoadStatus.Unusable : StackLoadStatus.Invalid, null, null, project, secrets.Source, [secrets.Failure!], [])
            : new LoadedStack(StackLoadStatus.Loaded, validation.Configuration, secrets.Passwords, project, secrets.Source, [], warnings);
    }

    private static async Task<SecretsOutcome> PasswordsForStackFileAsync(
        StackRequest request, string project, string path, StackFile file, ValidationResult validation, CancellationToken cancellationToken)
    {
        // Pulumi writes no secretsprovider key for the default passphrase provider, only the salt.
        var passphraseStack = file.SecretsProvider == "passphrase" || (file.SecretsProvider is null && file.EncryptionSalt is not null);
        if (passphraseStack)
        {
            // The CLI would need the same passphrase, so it adds nothing here.
            var (passphrase, failure) = PassphraseSource.Read(request.Environment, request.Stack);
            return passphrase is null
                ? SecretsOutcome.Missing(failure!, StackFilePasswords.SourceName)
                : StackFilePasswords.Decrypt(path, file.EncryptionSalt, validation.Configuration!.Servers, passphrase);
        }
        if (!PulumiCliConfig.IsAvailable)
        {
            return SecretsOutcome.Missing(
                $"{path}: the stack's secrets provider is '{file.SecretsProvider ?? "the Pulumi Cloud"}', which only the Pulumi CLI can decrypt, and pulumi is not on PATH. " +
                "Install the Pulumi CLI, or pass --config-json <file> with the output of 'pulumi config --json --show-secrets --stack <stack>'.", "pulumi config");
        }
        var (json, cliFailure) = await PulumiCliConfig.ReadAsync(project, request.Stack, cancellationToken);
        if (json is null)
        {
            return SecretsOutcome.Wrong(cliFailure!, "pulumi config");
        }
        var (config, parseFailure) = PulumiConfigJson.Parse(json, "the output of 'pulumi config --json'");
        return config is null ? SecretsOutcome.Wrong(parseFailure!, "pulumi config") : config.Passwords("pulumi config");
    }

    private static LoadedStack FromConfigJson(string? project, string jsonFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(jsonFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return LoadedStack.Unusable(project, $"{jsonFile}: cannot read the --config-json file: {error.Message}");
        }
        var (config, failure) = PulumiConfigJson.Parse(text, jsonFile);
        if (config is null)
        {
            return LoadedStack.Unusable(project, failure!);
        }
        var map = new ConfigMap(config.Values.Select(pair => new KeyValuePair<string, ConfigValue>(pair.Key, JsonConfigValues.FromJson(pair.Value))).ToList());
        var validation = FleetConfigurationReader.Read(map, ConfigOrigin.PulumiConfig);
        if (!validation.IsValid)
        {
            return LoadedStack.Invalid(project, validation.Errors.Select(problem => problem.Format(jsonFile)).ToList());
        }
        var secrets = config.Passwords(jsonFile);
        return secrets.Passwords is null
            ? LoadedStack.Invalid(project, [secrets.Failure!])
            : new LoadedStack(StackLoadStatus.Loaded, validation.Configuration, secrets.Passwords, project, "--config-json " + jsonFile, [],
                validation.Warnings.Select(problem => problem.Format(jsonFile)).ToList());
    }
}
