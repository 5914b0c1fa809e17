using System.Text;
using TenantDatabases.Fleet.Secrets;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Stacks;

namespace TenantDatabases.Operations.Rotation;

/// <summary>
/// A passphrase stack's record: tenantdb encrypts the new password with the stack's key and replaces only the
/// server's <c>secure:</c> value in the stack file, in one rename; every other byte stays as it was.
/// </summary>
public sealed class PassphraseStackRecord(string stackFile, string displayFile, string server, PassphraseCrypter crypter) : IServerPasswordRecord
{
    private StackFileText? before;

    /// <inheritdoc />
    public string Description => displayFile;

    /// <inheritdoc />
    public Task<StackRecordResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = StackFileText.Read(stackFile);
            var edit = ServerPasswordWriter.ReplaceSecure(text.Text, server, crypter.Encrypt("dry-run"));
            if (!edit.Succeeded)
            {
                return Task.FromResult(StackRecordResult.Failed($"{displayFile}: {edit.Problem}"));
            }
            // What the write needs: a new file beside the stack file, then a rename over it.
            var probe = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(stackFile))!, $".{Path.GetFileName(stackFile)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            using (new FileStream(stackFile, FileMode.Open, FileAccess.Write))
            {
            }
            return Task.FromResult(StackRecordResult.Done);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return Task.FromResult(StackRecordResult.Failed($"{displayFile} cannot be written: {error.Message}"));
        }
    }

    /// <inheritdoc />
    public Task<StackRecordResult> WriteAsync(string password, CancellationToken cancellationToken)
    {
        try
        {
            var text = StackFileText.Read(stackFile);
            var edit = ServerPasswordWriter.ReplaceSecure(text.Text, server, crypter.Encrypt(password));
            if (!edit.Succeeded)
            {
                return Task.FromResult(StackRecordResult.Failed($"{displayFile}: {edit.Problem}"));
            }
            text.WriteReplacing(stackFile, edit.Text);
            before = text;
            return Task.FromResult(StackRecordResult.Done);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return Task.FromResult(StackRecordResult.Failed($"{displayFile} cannot be written: {error.Message}"));
        }
    }

    /// <inheritdoc />
    public Task<StackRecordResult> RestoreAsync(string previous, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return Task.FromResult(StackRecordResult.Done);
        }
        try
        {
            // The file as it was, byte for byte: the old ciphertext is the old password.
            before.WriteReplacing(stackFile, before.Text);
            return Task.FromResult(StackRecordResult.Done);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(StackRecordResult.Failed($"{displayFile} cannot be written back: {error.Message}"));
        }
    }
}
