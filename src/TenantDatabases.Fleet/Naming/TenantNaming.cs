// Naming: tenant id to database and role names, and quoting for SQL.
using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Fleet.Naming;

/// <summary>
/// Tenant id → database and role names. Deterministic: database <c>{prefix}{id with '-' as '_'}</c>,
/// owner role the same followed by <c>_owner</c>. PostgreSQL folds nothing inside quotes, and every
/// name is quoted where it reaches SQL (<see cref="SqlIdentifier"/>).
/// </summary>
public static class TenantNaming
{
    /// <summary>Suffix of every tenant owner role.</summary>
    public const string OwnerRoleSuffix = "_owner";

    /// <summary>The normalised form two ids must not share (<c>acme-coffee</c> and <c>acme_coffee</c> collide).</summary>
    public static string Normalise(string tenantId) => tenantId.Replace('-', '_');

    /// <summary>The tenant's database name.</summary>
    public static string DatabaseName(string prefix, string tenantId) => prefix + Normalise(tenantId);

    /// <summary>The tenant's owner role name.</summary>
    public static string RoleName(string prefix, string tenantId) => DatabaseName(prefix, tenantId) + OwnerRoleSuffix;

    /// <summary>The database of <paramref name="tenant"/>: an adopted tenant's existing name, else the name derived from its id.</summary>
    public static string DatabaseOf(string prefix, TenantDefinition tenant) => tenant.Existing?.Name ?? DatabaseName(prefix, tenant.Id);

    /// <summary>The owner role of <paramref name="tenant"/>: an adopted tenant's recorded owner, else the role derived from its id.</summary>
    public static string OwnerOf(string prefix, TenantDefinition tenant) => tenant.Existing?.Owner ?? RoleName(prefix, tenant.Id);
}

/// <summary>Quoting of identifiers for SQL text (double quotes, inner quotes doubled).</summary>
public static class SqlIdentifier
{
    /// <summary>PostgreSQL's NAMEDATALEN - 1.</summary>
    public const int MaxBytes = 63;

    /// <summary>Quotes <paramref name="name"/> for use as an identifier in SQL text.</summary>
    public static string Quote(string name)
    {
        if (name.Contains('\0'))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }
        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
