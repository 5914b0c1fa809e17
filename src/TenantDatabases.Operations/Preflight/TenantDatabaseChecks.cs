using TenantDatabases.Fleet.Model;

namespace TenantDatabases.Operations.Preflight;

/// <summary>Tenant databases on the server against maxTenants, and databases with the prefix the stack does not declare.</summary>
internal static class TenantDatabaseChecks
{
    private const int ListedNames = 10;

    public static PreflightCheck Capacity(ServerDefinition server, IReadOnlyList<string> present, IReadOnlyList<string> declared)
    {
        var missing = declared.Except(present, StringComparer.Ordinal).Count();
        var projected = present.Count + missing;
        var max = server.MaxTenants;
        var detail = $"{present.Count} tenant databases present, {declared.Count} declared on this server, {missing} to create; maxTenants {max}.";
        var fix = $"Add a server and make it the default, or raise servers.{server.Name}.maxTenants if the server has the capacity.";
        if (new ServerCapacity(declared.Count, max).Verdict == CapacityVerdict.Over)
        {
            return PreflightCheck.Error(CheckNames.Capacity, $"The stack declares {declared.Count} tenants on this server, more than its maxTenants {max}. " + detail, fix);
        }
        var after = new ServerCapacity(projected, max);
        if (missing > 0 && after.Verdict == CapacityVerdict.Over)
        {
            return PreflightCheck.Error(CheckNames.Capacity,
                $"The server is at its maxTenants: creating {missing} more would make {projected} of {max}. " + detail, fix);
        }
        if (!new ServerCapacity(present.Count, max).HasRoom)
        {
            return PreflightCheck.Warning(CheckNames.Capacity, "The server is at its maxTenants: no room for another tenant. " + detail, fix);
        }
        return after.Verdict is CapacityVerdict.NearlyFull or CapacityVerdict.Full
            ? PreflightCheck.Warning(CheckNames.Capacity, $"The server will be {after.Percent} % full. " + detail, fix)
            : PreflightCheck.Ok(CheckNames.Capacity, detail);
    }

    public static PreflightCheck Orphans(IReadOnlyList<string> present, IReadOnlyList<string> declared, string prefix)
    {
        var orphans = present.Except(declared, StringComparer.Ordinal).ToList();
        if (orphans.Count == 0)
        {
            return PreflightCheck.Ok(CheckNames.Orphans, $"Every database with the prefix '{prefix}' belongs to a tenant of the stack.");
        }
        var names = string.Join(", ", orphans.Take(ListedNames)) + (orphans.Count > ListedNames ? $" and {orphans.Count - ListedNames} more" : "");
        return PreflightCheck.Warning(CheckNames.Orphans,
            $"{orphans.Count} database(s) with the prefix '{prefix}' that the stack does not declare: {names}.",
            "Add them to the stack as tenants if they are, or retire them deliberately (see docs); they count against maxTenants.");
    }
}
