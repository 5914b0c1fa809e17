using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// One server to check: its definition, the admin password (from a secret source, never from the model),
/// and the tenant databases the stack declares on it.
/// </summary>
public sealed record PreflightTarget(ServerDefinition Server, string Password, string DatabasePrefix, IReadOnlyList<string> DeclaredDatabases)
{
    /// <summary>Names the server only, so the password never reaches a log or a message through this record.</summary>
    public override string ToString() => $"PreflightTarget {{ Server = {Server.Name}, Host = {Server.Host}, Port = {Server.Port} }}";
}
