using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Validation;

/// <summary>The rules of a tenant: a safe id whose names fit and stay distinct, a known server of its region, a usable connection limit.</summary>
internal static class TenantRules
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

    /// <summary>A limit of 0 would lock everyone out of the database.</summary>
    public static void CheckConnectionLimit(string id, int? connectionLimit, ProblemList problems, SourceLocation? location)
    {
        if (connectionLimit == 0)
        {
            problems.Error(ConfigPath.Tenant(id, ConfigKeys.ConnectionLimit), "A connection limit of 0 locks everyone out of the database.",
                "Use -1 (no limit) or a number of connections from 1 up.", location);
        }
    }

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
