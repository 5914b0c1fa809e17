namespace TenantDatabases.Fleet.Configuration;

/// <summary>Where configuration values came from; decides whether a plain password is allowed.</summary>
public enum ConfigOrigin
{
    /// <summary>A stack file read from disk: secrets must be <c>secure:</c> values.</summary>
    StackFile,

    /// <summary>Pulumi's configuration inside the program: values arrive decrypted, so a plain password is fine.</summary>
    PulumiConfig,
}
