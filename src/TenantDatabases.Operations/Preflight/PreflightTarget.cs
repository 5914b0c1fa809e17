using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Operations.Secrets;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// One server to check: its definition, the admin password (from a secret source, never from the model),
/// and the tenant databases the stack declares on it.
/// </summary>
public sealed record PreflightTarget(ServerDefinition Server, string Password, string DatabasePrefix, IReadOnlyList<string> DeclaredDatabases)
{
    /// <summary>Every server of <paramref name="configuration"/>, in its order, with its password and declared tenant databases.</summary>
    public static IReadOnlyList<PreflightTarget> ForStack(FleetConfiguration configuration, ServerPasswords passwords)
    {
        var prefix = configuration.Settings.DatabasePrefix;
        return configuration.Servers.Select(server => new PreflightTarget(
                server,
                passwords.For(server.Name) ?? "",
                prefix,
                configuration.TenantsOn(server.Name)
                    .Select(tenant => TenantNaming.DatabaseName(prefix, tenant.Id)).ToList()))
            .ToList();
    }

    /// <summary>Names the server only, so the password never reaches a log or a message through this record.</summary>
    public override string ToString() => $"PreflightTarget {{ Server = {Server.Name}, Host = {Server.Host}, Port = {Server.Port} }}";
}
