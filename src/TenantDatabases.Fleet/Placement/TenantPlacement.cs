using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Placement;

/// <summary>
/// Chooses the server of a new tenant: the explicit server; else the default server when it has room
/// and its region fits; else the least-loaded server (share of maxTenants) of the required region;
/// else a refusal that says why. Existing tenants are never placed again: they never move.
/// </summary>
public static class TenantPlacement
{
    /// <summary>Places <paramref name="tenantId"/> in <paramref name="c"/>, optionally on <paramref name="server"/> or in <paramref name="region"/>.</summary>
    public static PlacementResult Place(FleetConfiguration c, string tenantId, string? server, string? region)
    {
        PlacementResult Refuse(string why) => new(tenantId, null, PlacementRule.Refused, why);
        if ((IdentifierRules.TenantIdProblem(tenantId) ?? IdentifierRules.NameLengthProblem(c.Settings.DatabasePrefix, tenantId)) is { } idProblem)
        {
            return Refuse(idProblem);
        }
        var normalised = TenantNaming.Normalise(tenantId);
        if (c.Tenants.FirstOrDefault(tenant => TenantNaming.Normalise(tenant.Id) == normalised) is { } existing)
        {
            return Refuse(existing.Id == tenantId
                ? $"Tenant '{tenantId}' already exists on server '{existing.Server}'; tenants never move."
                : $"Tenant '{existing.Id}' already uses the database name of '{tenantId}'.");
        }
        if (region is not null && c.Settings.Residency.Count > 0 && !c.Settings.Residency.Contains(region))
        {
            return Refuse($"Region '{region}' is outside this stack's residency ({string.Join(", ", c.Settings.Residency)}).");
        }
        var load = new ServerLoad(c);
        return server is not null ? PlaceExplicitly(load, tenantId, server, region) : PlaceAutomatically(c, load, tenantId, region);
    }

    private static PlacementResult PlaceExplicitly(ServerLoad load, string tenantId, string server, string? region)
    {
        var definition = load.Find(server);
        if (definition is null)
        {
            return new(tenantId, null, PlacementRule.Refused, $"Server '{server}' is not defined; the servers are: {load.NameList()}.");
        }
        if (region is not null && definition.Region != region)
        {
            return new(tenantId, null, PlacementRule.Refused,
                $"Server '{server}' is in region '{definition.Region ?? "(none)"}', but the tenant requires '{region}'.");
        }
        if (!load.HasRoom(definition))
        {
            return new(tenantId, null, PlacementRule.Refused, $"Server '{server}' is full ({load.Describe(definition)}).");
        }
        return new(tenantId, server, PlacementRule.ExplicitServer, $"Server '{server}' was asked for ({load.Describe(definition)} before this tenant).");
    }

    private static PlacementResult PlaceAutomatically(FleetConfiguration c, ServerLoad load, string tenantId, string? region)
    {
        var fallback = c.DefaultServer;
        string whyNotDefault;
        if (fallback is null)
        {
            whyNotDefault = "there is no default server";
        }
        else if (region is not null && fallback.Region != region)
        {
            whyNotDefault = $"the default server '{fallback.Name}' is in region '{fallback.Region ?? "(none)"}', not '{region}'";
        }
        else if (!load.HasRoom(fallback))
        {
            whyNotDefault = $"the default server '{fallback.Name}' is full ({load.Describe(fallback)})";
        }
        else
        {
            return new(tenantId, fallback.Name, PlacementRule.DefaultServer,
                $"'{fallback.Name}' is the default server and has room ({load.Describe(fallback)} before this tenant).");
        }
        var inRegion = c.Servers.Where(candidate => region is null || candidate.Region == region).ToList();
        var chosen = inRegion.Where(load.HasRoom)
            .OrderBy(load.Utilisation).ThenBy(load.CountOn).ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var where = region is null ? "any region" : $"region '{region}'";
        if (chosen is not null)
        {
            return new(tenantId, chosen.Name, PlacementRule.LeastLoadedServer,
                $"'{chosen.Name}' is the least-loaded server of {where} ({load.Describe(chosen)} before this tenant); {whyNotDefault}.");
        }
        return new(tenantId, null, PlacementRule.Refused, inRegion.Count == 0
            ? $"No server is in {where}; {whyNotDefault}. Add a server in that region."
            : $"Every server of {where} is full ({string.Join(", ", inRegion.Select(full => $"{full.Name} {load.Describe(full)}"))}). Add a server or raise maxTenants.");
    }
}
