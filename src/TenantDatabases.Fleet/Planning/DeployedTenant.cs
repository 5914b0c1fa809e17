namespace TenantDatabases.Fleet.Planning;

/// <summary>A tenant as the last deploy left it, read from the stack's outputs.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Server">Its server, or null when the outputs hide it (a secret printed as <c>[secret]</c>).</param>
/// <param name="Database">Its database name, when the outputs show it.</param>
/// <param name="Protection">The protection the deploy applied; null in outputs of a deploy from before it was recorded.</param>
/// <param name="RecordedPasswordVersion">The owner password's version the deploy applied; null in outputs from before it was recorded.</param>
public sealed record DeployedTenant(string Id, string? Server, string? Database, TenantProtection? Protection = null, int? RecordedPasswordVersion = null)
{
    /// <summary>The password version deployed: outputs from before it was recorded had version 1 (no keepers).</summary>
    public int PasswordVersion => RecordedPasswordVersion ?? Model.ConfigDefaults.PasswordVersion;
}

/// <summary>What the last deploy left, from <c>pulumi stack output --json</c>.</summary>
/// <param name="Tenants">Deployed tenants by id.</param>
/// <param name="TenantsKnown">False when the outputs hide which tenants exist (the whole <c>tenants</c> output is secret and there are no <c>placements</c>).</param>
/// <param name="Servers">The servers of the last deploy by name, where the outputs list them (a renamed server is recognised by its address).</param>
public sealed record PreviousDeployment(
    IReadOnlyDictionary<string, DeployedTenant> Tenants, bool TenantsKnown, IReadOnlyDictionary<string, DeployedServer>? Servers = null)
{
    /// <summary>A stack that was never deployed.</summary>
    public static PreviousDeployment None { get; } = new(new Dictionary<string, DeployedTenant>(), true);

    /// <summary>The server of the last deploy named <paramref name="name"/>, when the outputs list it.</summary>
    public DeployedServer? Server(string name) => Servers is not null && Servers.TryGetValue(name, out var server) ? server : null;
}
