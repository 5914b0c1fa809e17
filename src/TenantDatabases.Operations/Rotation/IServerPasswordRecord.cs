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
