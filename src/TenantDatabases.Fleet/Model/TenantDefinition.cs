namespace TenantDatabases.Fleet.Model;

/// <summary>A tenant registered in <c>tenant-databases:tenants</c>.</summary>
/// <param name="Id">The key under <c>tenants</c>; the source of its database and role names.</param>
/// <param name="Server">The server it is pinned to; null only in invalid configuration.</param>
/// <param name="Region">The region its data must stay in, when the tenant requires one.</param>
/// <param name="ConnectionLimit">Connection limit of its database and owner role; -1 means none.</param>
/// <param name="Retire">Being retired: its protection is lifted so that removing it later keeps its data on the server.</param>
/// <param name="PasswordVersion">The owner password's version (<c>tenants.&lt;id&gt;.passwordVersion</c>): raising it makes the next deploy generate a new password.</param>
public sealed record TenantDefinition(
    string Id,
    string? Server,
    string? Region,
    int ConnectionLimit,
    bool Retire = false,
    int PasswordVersion = ConfigDefaults.PasswordVersion);
