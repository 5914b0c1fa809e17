// Rotation: rotating a server's admin password (PostgreSQL first, then the record, then a test) and raising tenants' password versions.
using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.Validation;
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
            return new RecordChoice(new PulumiConfigRecord(PulumiCli.Locate(location.ProjectDirectory), request.Stack, request.Server), null);
        }
        var passphrase = PassphraseSource.Read(environment, request.Stack);
        if (!passphrase.Succeeded)
        {
            return new RecordChoice(null, passphrase.Problem);
        }
        try
        {
            var crypter = PassphraseCrypter.Unlock(file.EncryptionSalt ?? "", passphrase.Value);
            return new RecordChoice(new PassphraseStackRecord(new StackEditRequest(request.Stack, request.WorkingDirectory, "rotating the password"), location, request.Server, crypter), null);
        }
        catch (SecretDecryptionException error)
        {
            return new RecordChoice(null, $"{location.DisplayStackFile}: {error.Message}");
        }
    }
}

/// <summary>What <c>tenantdb rotate-password</c> was asked to do (the new password, a secret, is passed apart).</summary>
/// <param name="Stack">The stack.</param>
/// <param name="WorkingDirectory">Where to look for Pulumi.yaml (<c>--cwd</c>), or null for the current folder.</param>
/// <param name="ConfigJson">The output of <c>pulumi config --json --show-secrets</c> to take the current password from, or null.</param>
/// <param name="Server">The server whose admin password is rotated.</param>
/// <param name="DryRun">Check that every step can be done and change nothing.</param>
/// <param name="Timeout">Bound of each connection and statement.</param>
public sealed record ServerPasswordRequest(string Stack, string? WorkingDirectory, string? ConfigJson, string Server, bool DryRun, TimeSpan Timeout);

/// <summary>
/// What a rotation of a server's admin password did: every step in order, where it left the pair, and why it
/// stopped. Never holds a password.
/// </summary>
/// <param name="Server">The server.</param>
/// <param name="Record">Where the stack keeps its password, as shown to people.</param>
/// <param name="Outcome">Where the server and its stack were left.</param>
/// <param name="Steps">The steps that ran, in order.</param>
/// <param name="Problem">Why it did not rotate (null when rotated or possible).</param>
/// <param name="IsUsageProblem">True when <see cref="Problem"/> is a missing or unreadable input.</param>
/// <param name="Manual">What an operator must run when <see cref="RotationOutcome.NeedsAttention"/>.</param>
/// <param name="Problems">Configuration problems of the stack (errors when it did not load, else warnings).</param>
/// <param name="ProblemFile">The file of <see cref="Problems"/>.</param>
public sealed record ServerPasswordResult(
    string Server, string? Record, RotationOutcome Outcome, IReadOnlyList<RotationStep> Steps, string? Problem, bool IsUsageProblem,
    IReadOnlyList<string> Manual, IReadOnlyList<ConfigProblem> Problems, string? ProblemFile)
{
    /// <summary>True when rotated, or when a dry run found every step possible.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Outcome is RotationOutcome.Rotated or RotationOutcome.Possible && Problem is null;

    internal static ServerPasswordResult Refused(string server, string problem, bool isUsageProblem = false,
        IReadOnlyList<ConfigProblem>? problems = null, string? file = null) =>
        new(server, null, RotationOutcome.Unchanged, [], problem, isUsageProblem, [], problems ?? [], file);
}

/// <summary>Where a rotation left the server and its stack.</summary>
public enum RotationOutcome
{
    /// <summary>Both hold the new password and the test passed.</summary>
    Rotated,
    /// <summary>A dry run found every step possible; nothing changed.</summary>
    Possible,
    /// <summary>Stopped before the server's password changed: both hold the old one.</summary>
    Unchanged,
    /// <summary>A later step failed or a signal came; both hold the old password again.</summary>
    RolledBack,
    /// <summary>The way back failed too: <see cref="ServerPasswordResult.Manual"/> says exactly what to do.</summary>
    NeedsAttention,
}

/// <summary>One step of a rotation as it went: its name (<see cref="RotationSteps"/>), whether it did its work, and what it found.</summary>
public sealed record RotationStep(string Name, bool Succeeded, string Message);

/// <summary>The steps of a rotation, in the order of the product's procedure.</summary>
public static class RotationSteps
{
    /// <summary>Names, as reports show them.</summary>
    public const string Login = "login", Record = "record", Server = "server", StackRecord = "stack", Test = "test",
        RestoreStack = "restore-stack", RestoreServer = "restore-server";
}
