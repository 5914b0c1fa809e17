using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Secrets;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// The rotate-password use-case, in the product's order: PostgreSQL first, then the stack's record, then a test
/// with the password read back from the stack; any failure after the server changed, or a signal, sets the old
/// password back. It loads the stack here and hands the steps to <see cref="RotationSequence"/>.
/// </summary>
public static class ServerPasswordRotation
{
    /// <summary>
    /// Rotates the admin password of <paramref name="request"/>'s server to <paramref name="newPassword"/> (generated when null).
    /// <paramref name="interrupt"/> is observed between steps only: a step under way finishes or is rolled back.
    /// <paramref name="record"/> replaces the stack's own record (tests only).
    /// </summary>
    public static async Task<ServerPasswordResult> RunAsync(ServerPasswordRequest request, string? newPassword, Func<string, string?> environment,
        CancellationToken interrupt, IServerPasswordRecord? record = null)
    {
        var name = request.Server;
        var stack = await ConnectableStackLoader.LoadAsync(request.WorkingDirectory, request.Stack, request.ConfigJson, needsPasswords: true,
            environment, CancellationToken.None);
        if (!stack.Succeeded)
        {
            return ServerPasswordResult.Refused(name, stack.Problem ?? $"{stack.ProblemFile} is invalid; fix it before rotating a password.",
                stack.IsUsageProblem, stack.Problems, stack.ProblemFile);
        }
        if (stack.Configuration.FindServer(name) is not { } server)
        {
            return ServerPasswordResult.Refused(name, $"The server '{name}' is not in the stack. Use one of: " +
                string.Join(", ", stack.Configuration.Servers.Select(candidate => candidate.Name)) + ".", isUsageProblem: true);
        }
        if (stack.Passwords.For(name) is not { Length: > 0 } current)
        {
            return ServerPasswordResult.Refused(name, $"The stack holds no password for server '{name}' ({stack.SecretSource}).");
        }
        var next = newPassword ?? GeneratedPassword.Create();
        if (NewPasswordRules.Problem(next, current) is { } refused)
        {
            return ServerPasswordResult.Refused(name, refused, isUsageProblem: true);
        }
        var chosen = record is null ? RecordOf(request, environment) : new RecordChoice(record, null);
        if (chosen.Record is null)
        {
            return ServerPasswordResult.Refused(name, chosen.Problem ?? "The stack's record cannot be found.", isUsageProblem: true);
        }
        var sequence = new RotationSequence(request, server, new AdminPasswordChange(server, request.Timeout), chosen.Record, environment, stack.Problems, stack.ProblemFile);
        return await sequence.RunAsync(current, next, interrupt);
    }

    private sealed record RecordChoice(IServerPasswordRecord? Record, string? Problem);

    // The stack file decides, as for reading: a passphrase stack is written by tenantdb, any other by the Pulumi CLI.
    private static RecordChoice RecordOf(ServerPasswordRequest request, Func<string, string?> environment)
    {
        var load = StackLoader.Load(request.WorkingDirectory, request.Stack);
        if (load.File is not { } file || load.Location is not { } location)
        {
            return new RecordChoice(null, load.Problem ?? $"{load.DisplayFile} cannot be read.");
        }
        if (file.SecretsProvider != "passphrase" && !(file.SecretsProvider is null && file.EncryptionSalt is not null))
        {
            return new RecordChoice(new PulumiConfigRecord(PulumiCli.Find(), location.ProjectDirectory, request.Stack, request.Server), null);
        }
        var passphrase = PassphraseSource.Read(environment, request.Stack);
        if (!passphrase.Succeeded)
        {
            return new RecordChoice(null, passphrase.Problem);
        }
        try
        {
            var crypter = PassphraseCrypter.Unlock(file.EncryptionSalt ?? "", passphrase.Passphrase);
            return new RecordChoice(new PassphraseStackRecord(location.StackFile, location.DisplayStackFile, request.Server, crypter), null);
        }
        catch (SecretDecryptionException error)
        {
            return new RecordChoice(null, $"{location.DisplayStackFile}: {error.Message}");
        }
    }
}
