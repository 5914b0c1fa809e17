// Adoption: which databases of a server become which tenants, and what the stack records of each, from its catalog.
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Adoption;

/// <summary>
/// Which databases of a server <c>tenantdb adopt</c> writes into the stack, under which tenant id and with which recorded
/// settings, and why each other one is left out. Pure: the server's catalog is read elsewhere; nothing here connects.
/// An id is derived, never guessed: the name without the stack's <c>databasePrefix</c> (when it has it), with '_' as
/// '-', must pass the tenant-id rule; a database whose name cannot be an id is listed with the reason and the fix.
/// </summary>
public static class AdoptionDecision
{
    /// <summary>The runbook that adopts a server's databases and, last, hands them over to roles of their own.</summary>
    public const string Runbook = TenantRules.AdoptionRunbook;

    /// <summary>The database every PostgreSQL server has, which holds no tenant.</summary>
    public const string PostgresDatabase = "postgres";

    /// <summary>Decides for every database of <paramref name="catalog"/> (read from <paramref name="server"/>) against the stack's <paramref name="configuration"/>.</summary>
    public static AdoptionPlan Decide(FleetConfiguration configuration, ServerDefinition server, ServerCatalog catalog, Regex? match = null)
    {
        var prefix = configuration.Settings.DatabasePrefix;
        var declared = configuration.Tenants
            .Where(tenant => tenant.Server == server.Name)
            .GroupBy(tenant => TenantNaming.DatabaseOf(prefix, tenant), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Id, StringComparer.Ordinal);
        var takenIds = configuration.Tenants.GroupBy(tenant => TenantNaming.Normalise(tenant.Id), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var takenRoles = configuration.Tenants.Where(tenant => tenant.Server == server.Name)
            .Select(tenant => TenantNaming.OwnerOf(prefix, tenant)).ToHashSet(StringComparer.Ordinal);

        var skipped = new List<SkippedDatabase>();
        var candidates = new List<(ServerDatabase Database, string Id)>();
        foreach (var database in catalog.Databases.OrderBy(database => database.Name, StringComparer.Ordinal))
        {
            if (Excluded(database, server, declared, match) is { } exclusion)
            {
                skipped.Add(exclusion);
            }
            else if (DeriveId(database.Name, prefix) is { Id: { } id })
            {
                candidates.Add((database, id));
            }
            else
            {
                skipped.Add(NotAdoptable(database.Name, DeriveId(database.Name, prefix).Problem ?? "", HandFix(database.Name, server.Name)));
            }
        }

        var adopted = new List<AdoptedTenant>();
        var sameId = candidates.GroupBy(candidate => TenantNaming.Normalise(candidate.Id), StringComparer.Ordinal)
            .Where(group => group.Count() > 1).SelectMany(group => group).Select(candidate => candidate.Database.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (database, id) in candidates)
        {
            var problem = sameId.Contains(database.Name)
                ? NotAdoptable(database.Name,
                    $"another database of this server gives the same tenant id '{id}' ({string.Join(", ", candidates.Where(other => TenantNaming.Normalise(other.Id) == TenantNaming.Normalise(id)).Select(other => $"'{other.Database.Name}'"))}): no id is guessed",
                    HandFix(database.Name, server.Name))
                : takenIds.TryGetValue(TenantNaming.Normalise(id), out var taken)
                    ? NotAdoptable(database.Name, $"its tenant id '{id}' is taken by tenant '{taken.Id}' (on server '{taken.Server}')", HandFix(database.Name, server.Name))
                    : DatabaseProblem(database) ?? OwnerProblem(database, server, catalog, takenRoles);
            if (problem is not null)
            {
                skipped.Add(problem);
                continue;
            }
            adopted.Add(Adopt(database, id, server, configuration.Settings, catalog));
        }
        return new AdoptionPlan(server.Name, adopted.OrderBy(tenant => tenant.Id, StringComparer.Ordinal).ToList(), skipped);
    }

    /// <summary>
    /// The tenant id of <paramref name="databaseName"/>: the name without <paramref name="prefix"/> when it has it, '_' as
    /// '-'; or why it cannot be one (the tenant-id rule, and its names' 63 bytes with the prefix).
    /// </summary>
    public static (string? Id, string? Problem) DeriveId(string databaseName, string prefix)
    {
        var rest = databaseName.StartsWith(prefix, StringComparison.Ordinal) && databaseName.Length > prefix.Length
            ? databaseName[prefix.Length..]
            : databaseName;
        var id = rest.Replace('_', '-');
        if (IdentifierRules.TenantIdProblem(id) is { } idProblem)
        {
            return (null, $"its name cannot be a tenant id: {idProblem}");
        }
        return IdentifierRules.NameLengthProblem(prefix, id) is { } lengthProblem
            ? (null, $"its tenant id '{id}' is too long for the stack's names: {lengthProblem}")
            : (id, null);
    }

    private static SkippedDatabase? Excluded(ServerDatabase database, ServerDefinition server, Dictionary<string, string> declared, Regex? match)
    {
        if (database.IsTemplate)
        {
            return new(database.Name, SkipReason.Template, "a template database", null);
        }
        if (database.Name == server.AdminDatabase)
        {
            return new(database.Name, SkipReason.AdminDatabase, $"the admin database of server '{server.Name}'", null);
        }
        if (database.Name == PostgresDatabase)
        {
            return new(database.Name, SkipReason.Postgres, "PostgreSQL's own database", null);
        }
        if (declared.TryGetValue(database.Name, out var tenant))
        {
            return new(database.Name, SkipReason.Declared, $"already in the stack as tenant '{tenant}'", null);
        }
        return match is not null && !Matches(match, database.Name)
            ? new(database.Name, SkipReason.NotMatching, "does not match --match", null)
            : null;
    }

    // A hostile pattern may backtrack for ever: the caller gives it a timeout, and a name it cannot decide on is left out.
    private static bool Matches(Regex match, string name)
    {
        try
        {
            return match.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // What the program would declare differently from what the server holds, and could not change without a new database.
    private static SkippedDatabase? DatabaseProblem(ServerDatabase database)
    {
        var name = database.Name;
        if (database.ConnectionLimit == InvalidDatabaseLimit)
        {
            return NotAdoptable(name, "it is an invalid database, left by an interrupted DROP DATABASE (datconnlimit -2)",
                $"Drop it as its owner ({Sql($"DROP DATABASE {SqlIdentifier.Quote(name)}")}) or leave it out with --match.");
        }
        if (database.ConnectionLimit == 0)
        {
            return NotAdoptable(name, "its connection limit is 0, which locks everyone out; the stack refuses a limit of 0",
                $"Set a limit first ({Sql($"ALTER DATABASE {SqlIdentifier.Quote(name)} CONNECTION LIMIT -1")}) and run adopt again, or leave it out with --match.");
        }
        if (!database.AllowsConnections)
        {
            return NotAdoptable(name, "it does not allow connections (ALLOW_CONNECTIONS false): the program declares every tenant database connectable, so the import would change it",
                $"Allow connections first ({Sql($"ALTER DATABASE {SqlIdentifier.Quote(name)} ALLOW_CONNECTIONS true")}) if it is a tenant's, or leave it out with --match.");
        }
        var collector = new ProblemList();
        if (TenantRules.CheckEncoding("-", database.Encoding, collector, null) is null
            || TenantRules.CheckLocale("-", ConfigKeys.LcCollate, database.LcCollate, collector, null) is null
            || TenantRules.CheckLocale("-", ConfigKeys.LcCtype, database.LcCtype, collector, null) is null)
        {
            return NotAdoptable(name, $"its encoding or locale ({VisibleText.Of(database.Encoding)}, {VisibleText.Of(database.LcCollate)}, {VisibleText.Of(database.LcCtype)}) cannot be recorded in the stack",
                $"Adopt it by hand ({Runbook}), or leave it out with --match.");
        }
        return null;
    }

    // A role of its own is imported as the program declares owner roles: a plain login role that owns this database
    // alone, whose every attribute the provider reads back equals what the program declares, and which the admin can
    // join (the membership the program grants); anything else would be changed by the first pulumi up.
    private static SkippedDatabase? OwnerProblem(ServerDatabase database, ServerDefinition server, ServerCatalog catalog, HashSet<string> takenRoles)
    {
        var owner = database.Owner;
        if (owner == server.Username)
        {
            return null;
        }
        var name = database.Name;
        var handFix = $"Adopt it by hand ({Runbook}, owner roles the program cannot declare), or leave it out with --match.";
        if (owner.Any(char.IsControl) || !catalog.Roles.TryGetValue(owner, out var role))
        {
            return NotAdoptable(name, $"its owner role '{VisibleText.Of(owner)}' cannot be read or recorded", handFix);
        }
        if (takenRoles.Contains(owner))
        {
            return NotAdoptable(name, $"its owner role '{VisibleText.Of(owner)}' is already a tenant's owner role in the stack; a tenant's role owns only its own database", handFix);
        }
        if (role.OwnedDatabases > 1)
        {
            return NotAdoptable(name, $"its owner role '{VisibleText.Of(owner)}' owns {role.OwnedDatabases} databases; a tenant's role owns only its own database", handFix);
        }
        var differences = role.Differences();
        if (differences.Count > 0)
        {
            return NotAdoptable(name, $"its owner role '{VisibleText.Of(owner)}' is not a plain login role as the program declares one ({string.Join(", ", differences)}): importing it would change it",
                $"Make it one ({Sql($"ALTER ROLE {SqlIdentifier.Quote(owner)} …")}) and run adopt again; or " + char.ToLowerInvariant(handFix[0]) + handFix[1..]);
        }
        if (!role.AdminCanJoin)
        {
            return NotAdoptable(name,
                $"the admin '{server.Username}' cannot join its owner role '{VisibleText.Of(owner)}' (PostgreSQL 16 and later need ADMIN OPTION on it for a role the admin did not create): migrate could not act as the owner",
                $"As a superuser: {Sql($"GRANT {SqlIdentifier.Quote(owner)} TO {SqlIdentifier.Quote(server.Username)} WITH ADMIN OPTION")}; then run adopt again.");
        }
        return null;
    }

    private static AdoptedTenant Adopt(ServerDatabase database, string id, ServerDefinition server, StackSettings settings, ServerCatalog catalog)
    {
        var ownerKind = database.Owner == server.Username ? Planning.TenantOwnerKind.ServerAdmin : Planning.TenantOwnerKind.Existing;
        int? connectionLimit = database.ConnectionLimit == ConfigDefaults.ConnectionLimit ? null : database.ConnectionLimit;
        var roleLimit = ownerKind == Planning.TenantOwnerKind.Existing ? catalog.Roles[database.Owner].ConnectionLimit : (int?)null;
        return new AdoptedTenant(id, database.Name, database.Owner, ownerKind,
            connectionLimit,
            database.Encoding == ConfigDefaults.Encoding ? null : database.Encoding,
            database.LcCollate == settings.Locale ? null : database.LcCollate,
            database.LcCtype == settings.Locale ? null : database.LcCtype,
            roleLimit is { } limit && limit != database.ConnectionLimit ? limit : null);
    }

    /// <summary>The <c>datconnlimit</c> PostgreSQL gives a database that an interrupted DROP DATABASE left invalid.</summary>
    public const int InvalidDatabaseLimit = -2;

    private static SkippedDatabase NotAdoptable(string name, string reason, string fix) => new(name, SkipReason.NotAdoptable, reason, fix);

    private static string HandFix(string name, string server) =>
        $"Rename the database to a tenant id's form (lower-case letters, digits and '_'; its application must follow), or add it by hand under an id you choose: " +
        $"tenants.<id>: {{server: {server}, database: \"{VisibleText.Of(name).Replace("\"", "\\\"")}\", owner: <its owner>}} ({Runbook}).";

    private static string Sql(string statement) => $"`{VisibleText.Of(statement)}`";
}

/// <summary>What <c>tenantdb adopt</c> found on a server: the tenants to write, and every other database with the reason it is left out.</summary>
/// <param name="Server">The server's name in the stack.</param>
/// <param name="Adopted">The tenants to add, in id order.</param>
/// <param name="Skipped">Every other database, in name order, with its reason (and a fix, when it is a tenant's that cannot be adopted as it is).</param>
public sealed record AdoptionPlan(string Server, IReadOnlyList<AdoptedTenant> Adopted, IReadOnlyList<SkippedDatabase> Skipped)
{
    /// <summary>The databases that look like tenants' but cannot be adopted as they are: each has a fix.</summary>
    public IEnumerable<SkippedDatabase> NotAdoptable => Skipped.Where(skip => skip.Reason == SkipReason.NotAdoptable);
}

/// <summary>
/// A tenant adopt writes: its id, the database and owner it records, and each setting the server holds where it differs
/// from what the program declares for a database it creates (null: not written).
/// </summary>
/// <param name="Id">The tenant id derived from the database's name.</param>
/// <param name="Database">The database's name (<c>database</c>).</param>
/// <param name="Owner">Its owner (<c>owner</c>).</param>
/// <param name="OwnerKind">The server's admin, or a role of its own.</param>
/// <param name="ConnectionLimit">Its <c>datconnlimit</c> when not the default 20.</param>
/// <param name="Encoding">Its encoding when not UTF8.</param>
/// <param name="LcCollate">Its LC_COLLATE when not the stack's locale.</param>
/// <param name="LcCtype">Its LC_CTYPE when not the stack's locale.</param>
/// <param name="OwnerConnectionLimit">Its owner role's <c>rolconnlimit</c> when not the database's.</param>
public sealed record AdoptedTenant(
    string Id, string Database, string Owner, Planning.TenantOwnerKind OwnerKind, int? ConnectionLimit, string? Encoding, string? LcCollate, string? LcCtype,
    int? OwnerConnectionLimit)
{
    /// <summary>The stack file entry, <c>server</c> first, then what the tenant records.</summary>
    public StackFiles.TenantEntry Entry(string server)
    {
        var settings = new List<(string Key, object Value)> { (ConfigKeys.Server, server), (ConfigKeys.Database, Database), (ConfigKeys.Owner, Owner) };
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                settings.Add((key, value));
            }
        }
        Add(ConfigKeys.ConnectionLimit, ConnectionLimit);
        Add(ConfigKeys.Encoding, Encoding);
        Add(ConfigKeys.LcCollate, LcCollate);
        Add(ConfigKeys.LcCtype, LcCtype);
        Add(ConfigKeys.OwnerConnectionLimit, OwnerConnectionLimit);
        return new StackFiles.TenantEntry(Id, settings);
    }
}

/// <summary>A database adopt leaves out, and why.</summary>
/// <param name="Name">Its name, as the server has it (hostile text: print it with <see cref="VisibleText"/>).</param>
/// <param name="Reason">Why it is left out.</param>
/// <param name="Why">The reason in words.</param>
/// <param name="Fix">For a database that cannot be adopted as it is, what to do.</param>
public sealed record SkippedDatabase(string Name, SkipReason Reason, string Why, string? Fix);

/// <summary>Why adopt leaves a database out.</summary>
public enum SkipReason
{
    /// <summary>A template (<c>datistemplate</c>).</summary>
    Template,
    /// <summary>The server's admin database.</summary>
    AdminDatabase,
    /// <summary>PostgreSQL's own <c>postgres</c>.</summary>
    Postgres,
    /// <summary>A tenant of the stack has it already.</summary>
    Declared,
    /// <summary>Left out by <c>--match</c>.</summary>
    NotMatching,
    /// <summary>A tenant's, perhaps, but not adoptable as it is: see its fix.</summary>
    NotAdoptable,
}
