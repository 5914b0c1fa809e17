// Placement: which server a new tenant goes to, and why.
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// The server of <paramref name="full"/>'s region that new tenants should go to instead, when it approaches
    /// capacity: the default server when it has room, else the one with the most room (by <paramref name="capacity"/>,
    /// which may count measured load); null when no other server of the region has room.
    /// </summary>
    public static ServerDefinition? NextServer(FleetConfiguration c, ServerDefinition full, Func<ServerDefinition, CapacityAssessment> capacity)
    {
        var candidates = c.Servers
            .Where(server => server.Name != full.Name && server.Region == full.Region && capacity(server).Verdict == CapacityVerdict.Room)
            .ToList();
        return candidates.FirstOrDefault(server => server.IsDefault)
               ?? candidates.OrderBy(server => capacity(server).AgainstLimit.Utilisation).ThenBy(server => server.Name, StringComparer.Ordinal).FirstOrDefault();
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

/// <summary>Where a new tenant goes and why, or why it cannot be placed.</summary>
/// <param name="TenantId">The tenant being placed.</param>
/// <param name="Server">The chosen server; null when refused.</param>
/// <param name="Rule">Which placement rule decided.</param>
/// <param name="Explanation">A sentence for the operator: why this server, or why none.</param>
public sealed record PlacementResult(string TenantId, string? Server, PlacementRule Rule, string Explanation)
{
    /// <summary>True when a server was chosen.</summary>
    [MemberNotNullWhen(true, nameof(Server))]
    public bool Succeeded => Server is not null;
}

/// <summary>The placement rules, in the order they are tried.</summary>
public enum PlacementRule
{
    /// <summary>The server was named explicitly.</summary>
    ExplicitServer,
    /// <summary>The default server had room and its region fits.</summary>
    DefaultServer,
    /// <summary>The least-loaded server of the required region (any region when none is required).</summary>
    LeastLoadedServer,
    /// <summary>No server can take the tenant.</summary>
    Refused,
}

/// <summary>Tenant counts per server, counted once per server so placement does not recount for each candidate.</summary>
internal sealed class ServerLoad
{
    private readonly FleetConfiguration configuration;
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public ServerLoad(FleetConfiguration configuration)
    {
        this.configuration = configuration;
        foreach (var server in configuration.Servers)
        {
            counts.TryAdd(server.Name, configuration.TenantCountOn(server.Name));
        }
    }

    public ServerDefinition? Find(string name) => configuration.FindServer(name);

    public int CountOn(ServerDefinition server) => counts.GetValueOrDefault(server.Name);

    public ServerCapacity Capacity(ServerDefinition server) => new(CountOn(server), server.MaxTenants);

    public bool HasRoom(ServerDefinition server) => Capacity(server).HasRoom;

    public double Utilisation(ServerDefinition server) => Capacity(server).Utilisation;

    public string Describe(ServerDefinition server) => Capacity(server).ToString();

    public string NameList() => string.Join(", ", counts.Keys);
}
