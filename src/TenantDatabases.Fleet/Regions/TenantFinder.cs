using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Regions;

/// <summary>
/// Where a tenant lives, from the stack files alone (no secret, no network): each stack that declares it, with its
/// server, address, region and database. An id and one differing only in <c>-</c>/<c>_</c> name the same database,
/// so either finds it.
/// </summary>
public static class TenantFinder
{
    /// <summary>Every declaration of <paramref name="tenantId"/> in <paramref name="stacks"/>, in their order.</summary>
    public static IReadOnlyList<TenantLocation> Find(IReadOnlyList<StackSource> stacks, string tenantId)
    {
        var wanted = TenantNaming.Normalise(tenantId);
        var found = new List<TenantLocation>();
        foreach (var stack in stacks)
        {
            var configuration = stack.Configuration;
            foreach (var tenant in configuration.Tenants.Where(tenant => TenantNaming.Normalise(tenant.Id) == wanted))
            {
                var server = tenant.Server is null ? null : configuration.FindServer(tenant.Server);
                found.Add(new TenantLocation(tenant.Id, stack.Stack, stack.File, stack.TenantLocation(tenant.Id), tenant.Server,
                    server?.Host, server?.Port, tenant.Region ?? server?.Region,
                    TenantNaming.DatabaseOf(configuration.Settings.DatabasePrefix, tenant)));
            }
        }
        return found;
    }
}

/// <summary>One declaration of a tenant: the stack and line that declare it, and where its database is.</summary>
/// <param name="TenantId">The id as the stack writes it.</param>
/// <param name="Stack">The stack.</param>
/// <param name="File">The stack file as messages show it.</param>
/// <param name="Location">The tenant's key in that file.</param>
/// <param name="Server">The server it is pinned to, when set.</param>
/// <param name="Host">The server's host, when the server is defined.</param>
/// <param name="Port">The server's port, when the server is defined.</param>
/// <param name="Region">The tenant's region, else its server's.</param>
/// <param name="Database">Its database's name.</param>
public sealed record TenantLocation(
    string TenantId, string Stack, string File, SourceLocation? Location, string? Server, string? Host, int? Port, string? Region, string Database);
