using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Processes;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>Where the stack keeps a server's admin password: the stack file itself (passphrase), or what <c>pulumi config set</c> writes to.</summary>
public interface IServerPasswordRecord
{
    /// <summary>The record as people should see it, e.g. <c>Pulumi.prod.yaml</c> or <c>pulumi config set</c>.</summary>
    string Description { get; }

    /// <summary>Whether <see cref="WriteAsync"/> can be done, changing nothing (<c>--dry-run</c>).</summary>
    Task<StackRecordResult> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="password"/> as the server's password.</summary>
    Task<StackRecordResult> WriteAsync(string password, CancellationToken cancellationToken);

    /// <summary>Puts back what was recorded before <see cref="WriteAsync"/>, <paramref name="previous"/>.</summary>
    Task<StackRecordResult> RestoreAsync(string previous, CancellationToken cancellationToken);
}

/// <summary>What writing (or checking) a server's password in the stack's record did: nothing to report, or the problem.</summary>
public sealed record StackRecordResult(string? Problem)
{
    /// <summary>True when the record was written (or can be).</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    /// <summary>Done.</summary>
    public static StackRecordResult Done { get; } = new((string?)null);

    /// <summary>Not done, for <paramref name="problem"/> (never holding a password).</summary>
    public static StackRecordResult Failed(string problem) => new(problem);
}

/// <summary>
/// A passphrase stack's record: tenantdb encrypts the new password with the stack's key and replaces only the
/// server's <c>secure:</c> value in the stack file, in one rename; every other byte stays as it was.
/// </summary>
public sealed class PassphraseStackRecord(StackEditRequest stack, ProjectLocation location, string server, PassphraseCrypter crypter) : IServerPasswordRecord
{
    private StackFileText? before;

    /// <inheritdoc />
    public string Description => location.DisplayStackFile;

    /// <inheritdoc />
    public Task<StackRecordResult> CheckAsync(CancellationToken cancellationToken)
    {
        var edit = Edit(crypter.Encrypt("dry-run"), dryRun: true);
        if (!edit.Succeeded)
        {
            return Task.FromResult(StackRecordResult.Failed(edit.Problem));
        }
        try
        {
            // What the write needs: a new file beside the stack file, then a rename over it.
            var probe = Path.Combine(Path.GetDirectoryName(location.StackFile) ?? ".", $".{Path.GetFileName(location.StackFile)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            using (new FileStream(location.StackFile, FileMode.Open, FileAccess.Write))
            {
            }
            return Task.FromResult(StackRecordResult.Done);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(StackRecordResult.Failed($"{Description} cannot be written: {error.Message}"));
        }
    }

    /// <inheritdoc />
    public Task<StackRecordResult> WriteAsync(string password, CancellationToken cancellationToken)
    {
        var edit = Edit(crypter.Encrypt(password), dryRun: false);
        if (!edit.Succeeded)
        {
            return Task.FromResult(StackRecordResult.Failed(edit.Problem));
        }
        before = edit.Original;
        return Task.FromResult(StackRecordResult.Done);
    }

    /// <inheritdoc />
    public Task<StackRecordResult> RestoreAsync(string previous, CancellationToken cancellationToken) =>
        // The file as it was, byte for byte: the old ciphertext is the old password.
        Task.FromResult(before is null || StackFileEdit.Restore(location.StackFile, before) is not { } failed
            ? StackRecordResult.Done
            : StackRecordResult.Failed($"{Description} cannot be written back: {failed}"));

    // Only that secure: value changes; the edit validates the stack before and after, as every stack-file edit does.
    private StackEditResult<string> Edit(string ciphertext, bool dryRun) =>
        StackFileEdit.Apply<string>(stack with { DryRun = dryRun },
            (_, text) => StackEditStep<string>.From(ServerPasswordWriter.ReplaceSecure(text, server, ciphertext), server, $"recording the password of '{server}'"),
            (_, _) => true);
}

/// <summary>
/// The record of a stack whose secrets only the Pulumi CLI can encrypt: <c>pulumi config set --secret --path
/// 'servers.&lt;name&gt;.password'</c> with the value on standard input (the CLI reads it there when no value argument
/// is given and standard input is not a terminal), never on the command line.
/// </summary>
public sealed class PulumiConfigRecord(PulumiCli? pulumi, string stack, string server) : IServerPasswordRecord
{
    /// <inheritdoc />
    public string Description => ServerPasswordCommand.For(server, stack);

    /// <inheritdoc />
    public Task<StackRecordResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(pulumi is null
            ? StackRecordResult.Failed($"The stack's secrets are kept by its secrets provider, which only the Pulumi CLI can write to, and pulumi is not on PATH. {PulumiCli.InstallHint}.")
            : StackRecordResult.Done);

    /// <inheritdoc />
    public async Task<StackRecordResult> WriteAsync(string password, CancellationToken cancellationToken)
    {
        if (pulumi is null)
        {
            return await CheckAsync(cancellationToken);
        }
        // The gateway passes the password on standard input and masks it in whatever the CLI says back.
        var answer = await pulumi.SetSecretAsync(stack, ServerPasswordCommand.Key(server), password, cancellationToken);
        return answer.Succeeded ? StackRecordResult.Done : StackRecordResult.Failed(answer.Problem ?? "");
    }

    /// <inheritdoc />
    public Task<StackRecordResult> RestoreAsync(string previous, CancellationToken cancellationToken) => WriteAsync(previous, cancellationToken);
}

