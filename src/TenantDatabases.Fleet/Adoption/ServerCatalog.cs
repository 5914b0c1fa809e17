using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Adoption;

/// <summary>What adopt reads of a server: every database, and the roles that own them.</summary>
/// <param name="Databases">Every database (templates included).</param>
/// <param name="Roles">The owner roles of those databases by name, except the admin.</param>
public sealed record ServerCatalog(IReadOnlyList<ServerDatabase> Databases, IReadOnlyDictionary<string, ServerRole> Roles);

/// <summary>A database as <c>pg_database</c> describes it: the properties the provider's Read sets.</summary>
/// <param name="Name"><c>datname</c>.</param>
/// <param name="Owner">The role that owns it.</param>
/// <param name="Encoding"><c>pg_encoding_to_char(encoding)</c>.</param>
/// <param name="LcCollate"><c>datcollate</c>.</param>
/// <param name="LcCtype"><c>datctype</c>.</param>
/// <param name="ConnectionLimit"><c>datconnlimit</c>.</param>
/// <param name="AllowsConnections"><c>datallowconn</c>.</param>
/// <param name="IsTemplate"><c>datistemplate</c>.</param>
public sealed record ServerDatabase(string Name, string Owner, string Encoding, string LcCollate, string LcCtype, int ConnectionLimit, bool AllowsConnections, bool IsTemplate);

/// <summary>A role as <c>pg_roles</c> describes it: every attribute the provider's Role Read sets, and what adopt needs besides.</summary>
/// <param name="Name"><c>rolname</c>.</param>
/// <param name="CanLogin"><c>rolcanlogin</c>.</param>
/// <param name="IsSuperuser"><c>rolsuper</c>.</param>
/// <param name="CanCreateDb"><c>rolcreatedb</c>.</param>
/// <param name="CanCreateRole"><c>rolcreaterole</c>.</param>
/// <param name="Replication"><c>rolreplication</c>.</param>
/// <param name="BypassRls"><c>rolbypassrls</c>.</param>
/// <param name="Inherit"><c>rolinherit</c>.</param>
/// <param name="ValidUntil"><c>rolvaliduntil</c> as text; null when unset.</param>
/// <param name="ConnectionLimit"><c>rolconnlimit</c>.</param>
/// <param name="MemberOf">The roles it is a member of.</param>
/// <param name="Settings">Its <c>rolconfig</c> (search_path, statement_timeout…).</param>
/// <param name="OwnedDatabases">How many databases of the server it owns.</param>
/// <param name="AdminCanJoin">Whether the server's admin is, or may make itself, a member (the membership the program grants).</param>
public sealed record ServerRole(
    string Name, bool CanLogin, bool IsSuperuser, bool CanCreateDb, bool CanCreateRole, bool Replication, bool BypassRls, bool Inherit,
    string? ValidUntil, int ConnectionLimit, IReadOnlyList<string> MemberOf, IReadOnlyList<string> Settings, int OwnedDatabases, bool AdminCanJoin)
{
    /// <summary>Where it differs from the login role the program declares (the provider's defaults for what it does not set).</summary>
    public IReadOnlyList<string> Differences()
    {
        var differences = new List<string>();
        void Check(bool different, string what)
        {
            if (different)
            {
                differences.Add(what);
            }
        }
        Check(!CanLogin, "NOLOGIN");
        Check(IsSuperuser, "SUPERUSER");
        Check(CanCreateDb, "CREATEDB");
        Check(CanCreateRole, "CREATEROLE");
        Check(Replication, "REPLICATION");
        Check(BypassRls, "BYPASSRLS");
        Check(!Inherit, "NOINHERIT");
        Check(ValidUntil is not null && ValidUntil != "infinity", $"VALID UNTIL {ValidUntil}");
        Check(MemberOf.Count > 0, $"member of {string.Join(", ", MemberOf.Select(VisibleText.Of))}");
        Check(Settings.Count > 0, $"settings {string.Join(", ", Settings.Select(VisibleText.Of))}");
        return differences;
    }
}
