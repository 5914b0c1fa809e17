using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>A <c>Pulumi.&lt;stack&gt;.yaml</c> as read: its secrets settings and its <c>config:</c> block.</summary>
/// <param name="Path">The file it was read from (as given to the reader).</param>
/// <param name="SecretsProvider">The <c>secretsprovider:</c> value, e.g. <c>passphrase</c>, when set.</param>
/// <param name="EncryptionSalt">The <c>encryptionsalt:</c> value of a passphrase stack, when set.</param>
/// <param name="Config">The top-level keys of <c>config:</c> exactly as written (e.g. <c>tenant-databases:servers</c>).</param>
public sealed record StackFile(string Path, string? SecretsProvider, string? EncryptionSalt, ConfigMap Config);
