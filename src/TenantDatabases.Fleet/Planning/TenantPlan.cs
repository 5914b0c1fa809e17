namespace TenantDatabases.Fleet.Planning;

/// <summary>A tenant as the plan declares it.</summary>
/// <param name="Id">Tenant id (the configuration key).</param>
/// <param name="Server">Name of the server it lives on.</param>
/// <param name="Region">The server's region.</param>
/// <param name="DatabaseName">Its database's name (unquoted; quote it before it reaches SQL).</param>
/// <param name="RoleName">Its owner role's name (unquoted).</param>
/// <param name="ConnectionLimit">Connection limit of database and role; -1 means none.</param>
/// <param name="Protection">Whether Pulumi may delete its database and role, and what a delete does.</param>
/// <param name="Retiring">Set to be retired (<c>tenants.&lt;id&gt;.retire</c>): its removal keeps its data.</param>
public sealed record TenantPlan(
    string Id,
    string Server,
    string? Region,
    string DatabaseName,
    string RoleName,
    int ConnectionLimit,
    TenantProtection Protection,
    bool Retiring = false);
