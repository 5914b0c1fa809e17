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
/// <param name="PasswordVersion">The owner password's version (<c>tenants.&lt;id&gt;.passwordVersion</c>).</param>
public sealed record TenantPlan(
    string Id,
    string Server,
    string? Region,
    string DatabaseName,
    string RoleName,
    int ConnectionLimit,
    TenantProtection Protection,
    bool Retiring = false,
    int PasswordVersion = Model.ConfigDefaults.PasswordVersion)
{
    /// <summary>The key of the owner password's keeper (the RandomPassword's <c>keepers</c>).</summary>
    public const string PasswordVersionKeeper = "passwordVersion";

    /// <summary>
    /// The <c>keepers</c> of the tenant's RandomPassword: a change of keepers makes Pulumi generate a new password.
    /// None at version 1, so that passwords deployed before the key existed (which have no keepers) are not
    /// replaced by the first deploy that knows it; from version 2 the version itself.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PasswordKeepers() => PasswordVersion > Model.ConfigDefaults.PasswordVersion
        ? new Dictionary<string, string> { [PasswordVersionKeeper] = PasswordVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : null;
}
