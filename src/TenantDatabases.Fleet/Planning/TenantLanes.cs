using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TenantDatabases.Fleet.Planning;

/// <summary>
/// A tenant's place in its server's lanes: the tenants whose work on the server Pulumi must finish before this
/// tenant's starts (its owner role, the admin's membership, its database, PUBLIC's revoke, in that order).
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Lane">Its lane on its server, from 0 to <see cref="TenantLanes.PerServer"/> − 1; it never changes.</param>
/// <param name="After">Every tenant of the same server and lane whose id sorts before this one (ordinal), in that order.</param>
public sealed record TenantLane(TenantPlan Tenant, int Lane, IReadOnlyList<string> After);

/// <summary>
/// How many operations the Pulumi program lets the engine run at once on one server, and which tenant waits for
/// which. The PostgreSQL provider creates and drops a database inside a transaction that holds an advisory lock on
/// the admin role and then takes a second connection from the same pool (its <c>createDatabase</c> and delete path);
/// dropping or altering an owner role waits on the same lock holding a connection (the admin is a member of the
/// role). With as many of those at once as the pool has connections, the lock holder never gets its second one and
/// the run waits forever (cyrilgdn/terraform-provider-postgresql #514); Pulumi runs as many as its parallelism
/// allows. So each server's tenants are dealt into <see cref="PerServer"/> lanes, and a tenant's first operation
/// waits for every earlier tenant of its lane: at most one tenant per lane is in flight, whatever the number of
/// tenants added or removed in one run.
/// </summary>
public static class TenantLanes
{
    /// <summary>
    /// The provider's connection pool per server (its <c>maxConnections</c>). The provider opens a connection per
    /// resource operation; a small bound keeps a big fleet within the server's <c>max_connections</c> and keeps
    /// concurrent GRANTs few, which PostgreSQL can fail with "tuple concurrently updated". It must stay above
    /// <see cref="PerServer"/> + 1: the lock holder's second connection comes on top of one per lane.
    /// </summary>
    public const int ProviderMaxConnections = 4;

    /// <summary>
    /// Lanes per server. The provider serialises database creates and drops on its lock anyway, so more lanes would
    /// only overlap the role and grant steps; two keep the pool one connection short of full at worst (one lock
    /// holder with its second connection, one lane waiting on the lock), leaving room for the provider's reads.
    /// </summary>
    public const int PerServer = 2;

    /// <summary>
    /// The lane of <paramref name="tenantId"/>: from a hash of the id alone (SHA-256 of its UTF-8 bytes), so that
    /// adding or removing a tenant never moves another one to another lane. Not <see cref="string.GetHashCode()"/>,
    /// which differs from one process to the next.
    /// </summary>
    public static int LaneOf(string tenantId) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId))) % PerServer);

    /// <summary>
    /// Every tenant of <paramref name="plan"/> with its lane and the tenants it waits for, ordered by id, so that a
    /// tenant comes after every tenant it waits for.
    /// </summary>
    /// <remarks>
    /// A tenant waits for <em>every</em> earlier tenant of its lane, not only the previous one. Creates would be bounded
    /// either way, but Pulumi schedules deletes from the direct dependencies among the resources being deleted
    /// (pulumi/pulumi <c>ScheduleDeletes</c>): with a plain chain, removing every other tenant of a lane would leave no
    /// dependency between the removed ones, and all their databases would be dropped at once. The price is
    /// n(n − 1)/2 recorded dependencies per lane of n tenants; a dependency is never part of a diff, so a tenant added
    /// or removed changes no other tenant's resources.
    /// </remarks>
    public static IReadOnlyList<TenantLane> Assign(FleetPlan plan)
    {
        var earlier = new Dictionary<(string Server, int Lane), List<string>>();
        var lanes = new List<TenantLane>(plan.Tenants.Count);
        foreach (var tenant in plan.Tenants.OrderBy(tenant => tenant.Id, StringComparer.Ordinal))
        {
            var lane = LaneOf(tenant.Id);
            if (!earlier.TryGetValue((tenant.Server, lane), out var before))
            {
                before = [];
                earlier[(tenant.Server, lane)] = before;
            }
            lanes.Add(new TenantLane(tenant, lane, before.ToArray()));
            before.Add(tenant.Id);
        }
        return lanes;
    }
}
