using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Configuration;

namespace TenantDatabases.Operations.Secrets;

/// <summary>A <c>--config-json</c> file read: its configuration values (when it could be read) and what its passwords gave.</summary>
public sealed record ConfigJsonResult(ConfigMap? Config, SecretsResult Secrets)
{
    /// <summary>True when the file was read as configuration (its passwords may still be wrong: see <see cref="Secrets"/>).</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    public bool IsReadable => Config is not null;
}
