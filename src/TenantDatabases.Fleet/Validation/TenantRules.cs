using System.Text;
using System.Text.RegularExpressions;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of a tenant: a safe id whose names fit and stay distinct, a known server of its region, a usable connection limit.</summary>
internal static partial class TenantRules
{
    /// <summary>The id is safe, its names fit in 63 bytes, and no other tenant normalises to the same database name.</summary>
    public static void CheckId(string id, StackSettings settings, Dictionary<string, string> normalisedIds,
        ProblemList problems, SourceLocation? location)
    {
        var path = ConfigPath.Tenant(id);
        if (IdentifierRules.TenantIdProblem(id) is { } idProblem)
        {
            problems.Error(path, idProblem, "Rename the tenant to lower-case letters, digits, '-' and '_' (e.g. acme-coffee).", location);
            return;
        }
        if (IdentifierRules.NameLengthProblem(settings.DatabasePrefix, id) is { } lengthProblem)
        {
            problems.Error(path, lengthProblem,
                $"Use a tenant id of at most {IdentifierRules.MaxTenantIdLength(settings.DatabasePrefix)} characters.", location);
        }
        var normalised = TenantNaming.Normalise(id);
        if (!normalisedIds.TryAdd(normalised, id))
        {
            problems.Error(path,
                $"Tenants '{normalisedIds[normalised]}' and '{id}' would share the database '{TenantNaming.DatabaseName(settings.DatabasePrefix, id)}' ('-' and '_' name the same database).",
                "Give one of them a different id.", location);
        }
    }

    /// <summary>
    /// A retiring tenant is a step of a runbook, not a state to keep: it is reported until the tenant is removed,
    /// so that a review sees it and nobody forgets the second pull request.
    /// </summary>
    public static void NoteRetiring(string id, ProblemList problems, SourceLocation? location) =>
        problems.Warning(ConfigPath.Tenant(id, ConfigKeys.Retire),
            $"Tenant '{id}' is retiring: its database and owner role are no longer protected, and removing the tenant keeps them on the server with their data.",
            $"Deploy this, then remove tenants.{id} in a pull request of its own (docs/runbooks/retire-a-tenant.md).", location);

    /// <summary>The lowest password version: a tenant's first password.</summary>
    public const int FirstPasswordVersion = ConfigDefaults.PasswordVersion;

    /// <summary>The highest password version; far more rotations than any tenant will see, and it stays an int.</summary>
    public const int LastPasswordVersion = 1_000_000;

    /// <summary>What to write instead of a password version that is not a whole number from 1 up.</summary>
    public static string PasswordVersionFix(string id) =>
        $"Use a whole number from {FirstPasswordVersion} up; raise it by one to rotate the owner's password ('tenantdb rotate-tenant-password {id} --stack <stack>').";

    /// <summary>A limit of 0 would lock everyone out of the database (or out of its owner role, for <c>ownerConnectionLimit</c>).</summary>
    public static void CheckConnectionLimit(string id, int? connectionLimit, ProblemList problems, SourceLocation? location, string key = ConfigKeys.ConnectionLimit)
    {
        if (connectionLimit == 0)
        {
            problems.Error(ConfigPath.Tenant(id, key), "A connection limit of 0 locks everyone out of the database.",
                "Use -1 (no limit) or a number of connections from 1 up.", location);
        }
    }

    /// <summary>
    /// An adopted tenant's database or owner name as the server spells it: 1 to 63 bytes and no control character. It
    /// may hold anything else (quotes, spaces, any script): it is quoted wherever it reaches SQL. Null when refused.
    /// </summary>
    public static string? CheckExistingName(string id, string key, string? name, ProblemList problems, SourceLocation? location)
    {
        if (name is null)
        {
            return null;
        }
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > SqlIdentifier.MaxBytes || name.Any(char.IsControl))
        {
            problems.Error(ConfigPath.Tenant(id, key), $"'{IdentifierRules.Printable(name)}' is not a PostgreSQL name: it must be 1 to {SqlIdentifier.MaxBytes} bytes without control characters.",
                $"Write the name exactly as the server has it ('tenantdb adopt' records it), or remove the tenant.", location);
            return null;
        }
        return name;
    }

    /// <summary>An encoding as <c>pg_encoding_to_char</c> names it (UTF8, LATIN1, SQL_ASCII…); null when refused.</summary>
    public static string? CheckEncoding(string id, string? encoding, ProblemList problems, SourceLocation? location)
    {
        if (encoding is null || EncodingPattern().IsMatch(encoding))
        {
            return encoding;
        }
        problems.Error(ConfigPath.Tenant(id, ConfigKeys.Encoding), $"'{IdentifierRules.Printable(encoding)}' is not an encoding name.",
            "Write the database's encoding as PostgreSQL names it (SELECT pg_encoding_to_char(encoding) FROM pg_database), e.g. LATIN1.", location);
        return null;
    }

    /// <summary>
    /// A locale as the server records it (<c>datcollate</c>, <c>datctype</c>): printable text. Wider than the stack's
    /// <c>locale</c>, which reaches CREATE DATABASE: a recorded one only has to equal what the provider reads back.
    /// </summary>
    public static string? CheckLocale(string id, string key, string? locale, ProblemList problems, SourceLocation? location)
    {
        if (locale is null || (locale.Length is > 0 and <= MaxLocaleLength && !locale.Any(char.IsControl)))
        {
            return locale;
        }
        problems.Error(ConfigPath.Tenant(id, key), $"'{IdentifierRules.Printable(locale)}' is not a locale name (1 to {MaxLocaleLength} printable characters).",
            "Write the database's locale exactly as the server has it (SELECT datcollate, datctype FROM pg_database).", location);
        return null;
    }

    /// <summary>The longest locale name recorded for an adopted tenant.</summary>
    public const int MaxLocaleLength = 128;

    /// <summary>A key only an adopted tenant may have, on a tenant the program creates.</summary>
    public static void NotAdopted(string id, string key, ProblemList problems, SourceLocation? location) =>
        problems.Error(ConfigPath.Tenant(id, key),
            $"'{key}' records what the server holds for an adopted tenant's existing database, but this tenant has no '{ConfigKeys.Database}': the program creates its database and owner role itself.",
            $"Remove '{key}'; or, if the database exists already, let 'tenantdb adopt --stack <stack> --server <server>' record it.", location);

    /// <summary>An owner connection limit without a recorded owner: the program's own role takes the tenant's connectionLimit.</summary>
    public static void OwnerLimitWithoutOwner(string id, ProblemList problems, SourceLocation? location) =>
        problems.Error(ConfigPath.Tenant(id, ConfigKeys.OwnerConnectionLimit),
            $"'{ConfigKeys.OwnerConnectionLimit}' is only for an existing owner role ('{ConfigKeys.Owner}'); the role the program creates takes the tenant's {ConfigKeys.ConnectionLimit}.",
            $"Remove '{ConfigKeys.OwnerConnectionLimit}', or set '{ConfigKeys.Owner}' to the role that owns the database.", location);

    /// <summary>
    /// A database owned by the server's admin has no owner role of its own: no password to rotate and no role limit. Its
    /// owner's password is the admin's, which <c>tenantdb rotate-password</c> rotates; a role of its own is the handover.
    /// </summary>
    public static void CheckOwner(string id, ExistingDatabase? existing, string? adminUsername, int? passwordVersion, ProblemList problems, SourceLocation? location)
    {
        if (existing?.Owner is not { } owner || owner != adminUsername)
        {
            return;
        }
        if (passwordVersion > FirstPasswordVersion)
        {
            problems.Error(ConfigPath.Tenant(id, ConfigKeys.PasswordVersion),
                $"Tenant '{id}' is owned by the server's admin '{owner}', whose password is the server's: it has no owner password of its own to rotate.",
                $"Remove passwordVersion; to give the tenant an owner role with a generated password, follow {AdoptionRunbook} (the handover).", location);
        }
        if (existing.OwnerConnectionLimit is not null)
        {
            problems.Error(ConfigPath.Tenant(id, ConfigKeys.OwnerConnectionLimit),
                $"Tenant '{id}' is owned by the server's admin '{owner}': the program declares no owner role for it, so there is no role limit to record.",
                $"Remove '{ConfigKeys.OwnerConnectionLimit}'.", location);
        }
    }

    /// <summary>The runbook that adopts a server's databases and, last, hands them over to roles of their own.</summary>
    public const string AdoptionRunbook = "docs/runbooks/adopt-an-existing-server.md";

    /// <summary>
    /// No two tenants of a server share a database or an owner role: a tenant's role owns only its own database, and
    /// two resources of one database or role would fight over it. The server's admin, which owns adopted databases
    /// without a role of their own, is no tenant's role.
    /// </summary>
    public static void CheckDistinctNames(IReadOnlyList<TenantDefinition> tenants, StackSettings settings, ReadServers servers,
        ProblemList problems, Func<string, SourceLocation?> locationOf)
    {
        var databases = new Dictionary<(string Server, string Name), string>();
        var roles = new Dictionary<(string Server, string Name), string>();
        var adopted = tenants.Where(tenant => tenant.IsAdopted).Select(tenant => tenant.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            if (tenant.Server is not { } server)
            {
                continue;
            }
            var database = TenantNaming.DatabaseOf(settings.DatabasePrefix, tenant);
            // Two derived names that collide are the id rule's (normalised ids); an adopted name is checked here.
            if (!databases.TryAdd((server, database), tenant.Id) && (tenant.IsAdopted || adopted.Contains(databases[(server, database)])))
            {
                problems.Error(ConfigPath.Tenant(tenant.Id, ConfigKeys.Database),
                    $"Tenants '{databases[(server, database)]}' and '{tenant.Id}' both name the database '{IdentifierRules.Printable(database)}' on server '{server}'.",
                    "Each tenant has a database of its own: remove the tenant that does not own it.", locationOf(tenant.Id));
            }
            var role = TenantNaming.OwnerOf(settings.DatabasePrefix, tenant);
            if (role != servers.Find(server)?.Username && !roles.TryAdd((server, role), tenant.Id))
            {
                problems.Error(ConfigPath.Tenant(tenant.Id, tenant.Existing?.Owner is null ? ConfigKeys.Server : ConfigKeys.Owner),
                    $"Tenants '{roles[(server, role)]}' and '{tenant.Id}' both name the owner role '{IdentifierRules.Printable(role)}' on server '{server}'.",
                    "A tenant's owner role owns only its own database: give one of them a role of its own (the handover in " + AdoptionRunbook + ").",
                    locationOf(tenant.Id));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,32}\z")]
    private static partial Regex EncodingPattern();

    /// <summary>The tenant is pinned to a defined server, and that server is in the region the tenant requires.</summary>
    public static void CheckServer(string id, string? server, string? region, ReadServers servers,
        ProblemList problems, SourceLocation? location)
    {
        var path = ConfigPath.Tenant(id, ConfigKeys.Server);
        if (string.IsNullOrEmpty(server))
        {
            problems.Error(path, "The tenant has no server.",
                $"Run 'tenantdb add-tenant {id} --stack <stack>' to place it, or set 'server:' to one of: {NameList(servers)}.", location);
            return;
        }
        var definition = servers.Find(server);
        if (definition is null)
        {
            var nearest = NearestName.Find(server, servers.Definitions.Select(candidate => candidate.Name));
            problems.Error(path, $"The server '{ProblemList.Shorten(server)}' is not defined under tenant-databases:servers.",
                (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Use one of: {NameList(servers)}.", location);
            return;
        }
        if (region is not null && definition.Region != region)
        {
            problems.Error(path,
                $"The tenant requires region '{ProblemList.Shorten(region)}' but server '{server}' is in '{definition.Region ?? "(no region)"}'.",
                "Pin the tenant to a server of its region (a deployed tenant cannot move: correct this before its first deploy).", location);
        }
    }

    /// <summary>The region a tenant requires is one this stack may hold data in.</summary>
    public static void CheckResidency(string id, string? region, StackSettings settings, ProblemList problems, SourceLocation? location)
    {
        if (region is not null && settings.Residency.Count > 0 && !settings.Residency.Contains(region))
        {
            problems.Error(ConfigPath.Tenant(id, ConfigKeys.Region),
                $"The tenant requires region '{ProblemList.Shorten(region)}', outside this stack's residency ({string.Join(", ", settings.Residency)}).",
                "Register the tenant in the stack of its region.", location);
        }
    }

    private static string NameList(ReadServers servers)
    {
        var names = servers.Definitions.Select(server => server.Name).ToList();
        return names.Count == 0 ? "(no server is configured)"
            : names.Count <= 6 ? string.Join(", ", names)
            : string.Join(", ", names.Take(6)) + $" and {names.Count - 6} more";
    }
}
