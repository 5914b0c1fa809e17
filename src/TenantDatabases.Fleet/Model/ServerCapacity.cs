namespace TenantDatabases.Fleet.Model;

/// <summary>
/// How full a server is against its <c>maxTenants</c>: the one formula and the one verdict that validation,
/// placement, the plan and preflight share, so that "nearly full" means the same everywhere.
/// </summary>
/// <param name="Tenants">Tenants counted on the server (declared, or present and to be created).</param>
/// <param name="MaxTenants">The server's <c>maxTenants</c>.</param>
public readonly record struct ServerCapacity(int Tenants, int MaxTenants)
{
    /// <summary>The share of maxTenants above which a server is nearly full: the design's "approach capacity".</summary>
    public const double NearlyFullShare = 0.9;

    /// <summary>Share of maxTenants in use, 0..1 (above 1 only when over).</summary>
    public double Utilisation => MaxTenants <= 0 ? 1 : (double)Tenants / MaxTenants;

    /// <summary>Utilisation as a whole percentage, rounded down.</summary>
    public int Percent => MaxTenants <= 0 ? 100 : (int)(100L * Tenants / MaxTenants);

    /// <summary>True while another tenant fits.</summary>
    public bool HasRoom => Tenants < MaxTenants;

    /// <summary>Room; nearly full above <see cref="NearlyFullShare"/>; full at maxTenants; over past it.</summary>
    public CapacityVerdict Verdict =>
        Tenants > MaxTenants ? CapacityVerdict.Over
        : Tenants == MaxTenants ? CapacityVerdict.Full
        : Tenants > MaxTenants * NearlyFullShare ? CapacityVerdict.NearlyFull
        : CapacityVerdict.Room;

    /// <summary>"12/100 tenants".</summary>
    public override string ToString() => $"{Tenants}/{MaxTenants} tenants";
}

/// <summary>The verdicts of <see cref="ServerCapacity"/>, from the most room to none.</summary>
public enum CapacityVerdict
{
    /// <summary>At or below the nearly-full share.</summary>
    Room,
    /// <summary>Above the nearly-full share, with room left: plan the next server.</summary>
    NearlyFull,
    /// <summary>At maxTenants: no room for another tenant.</summary>
    Full,
    /// <summary>Past maxTenants: invalid configuration.</summary>
    Over,
}

/// <summary>
/// The connections a server has left for new sessions, as it reports them: the measured side of capacity, one rule
/// for preflight's <c>connections</c> check and for status's verdict.
/// </summary>
/// <param name="InUse">Client sessions open now (every role's).</param>
/// <param name="Usable">max_connections less the slots reserved for superusers and <c>pg_use_reserved_connections</c>.</param>
public readonly record struct ConnectionHeadroom(int InUse, int Usable)
{
    /// <summary>The fewest connections that must stay free, whatever the server's size.</summary>
    public const int MinimumFree = 5;

    /// <summary>The share of usable connections that must stay free.</summary>
    public const double FreeShare = 0.1;

    /// <summary>Connections free now; zero or less means none.</summary>
    public int Free => Usable - InUse;

    /// <summary>Below this many free the server is nearly full: a deployment's migrate takes up to 10 per server.</summary>
    public int Reserve => Math.Max(MinimumFree, (int)(Usable * FreeShare));

    /// <summary>Full with none free; nearly full with fewer than <see cref="Reserve"/>; else room.</summary>
    public CapacityVerdict Verdict => Free <= 0 ? CapacityVerdict.Full : Free < Reserve ? CapacityVerdict.NearlyFull : CapacityVerdict.Room;

    /// <summary>"12/97 connections".</summary>
    public override string ToString() => $"{InUse}/{Usable} connections";
}

/// <summary>What a server reported about its load at one moment (status reads it; preflight reads the connections).</summary>
/// <param name="Connections">Sessions in use against the usable connections.</param>
/// <param name="TenantDatabases">Tenant databases present on the server.</param>
/// <param name="TenantConnections">Sessions connected to those databases (pg_stat_database.numbackends), or null when unreadable.</param>
public sealed record MeasuredLoad(ConnectionHeadroom Connections, int TenantDatabases, int? TenantConnections)
{
    /// <summary>Sessions per tenant database, when the tenants have any: how fast new tenants use up the connections.</summary>
    public double? ConnectionsPerTenant =>
        TenantConnections is > 0 && TenantDatabases > 0 ? (double)TenantConnections.Value / TenantDatabases : null;
}

/// <summary>What limits a server's tenants in a <see cref="CapacityAssessment"/>.</summary>
public enum CapacityLimit
{
    /// <summary>Its <c>maxTenants</c>.</summary>
    MaxTenants,
    /// <summary>Its connections: at the tenants' measured sessions per tenant, they run out before maxTenants.</summary>
    Connections,
}

/// <summary>
/// The capacity verdict of a server from the tenants it holds and, when the server answered, the load it reports: the
/// design's "add servers when you approach capacity" made one rule. The tenants counted are those the stack declares
/// plus the undeclared databases with its prefix (they take room too). The limit is <c>maxTenants</c>, lowered to the
/// tenants the free connections still allow when the tenants hold sessions (<see cref="MeasuredLoad.ConnectionsPerTenant"/>).
/// The verdict is <see cref="ServerCapacity.Verdict"/> against that limit (nearly full above 90 %), and never better
/// than the connections' own (<see cref="ConnectionHeadroom.Verdict"/>).
/// </summary>
/// <param name="Tenants">The tenants counted against <c>maxTenants</c>.</param>
/// <param name="Load">The measured load; null when the server was not measured (the verdict then rests on the count alone).</param>
public sealed record CapacityAssessment(ServerCapacity Tenants, MeasuredLoad? Load)
{
    /// <summary>The tenants the server can hold: maxTenants, or fewer when its connections run out first.</summary>
    public int Limit => Math.Min(Tenants.MaxTenants, ConnectionLimit ?? int.MaxValue);

    /// <summary>What sets <see cref="Limit"/>.</summary>
    public CapacityLimit LimitedBy => ConnectionLimit < Tenants.MaxTenants ? CapacityLimit.Connections : CapacityLimit.MaxTenants;

    /// <summary>The tenants against <see cref="Limit"/>.</summary>
    public ServerCapacity AgainstLimit => new(Tenants.Tenants, Limit);

    /// <summary>The worse of the tenants against the limit and the connections' own verdict.</summary>
    public CapacityVerdict Verdict
    {
        get
        {
            var connections = Load?.Connections.Verdict ?? CapacityVerdict.Room;
            return AgainstLimit.Verdict > connections ? AgainstLimit.Verdict : connections;
        }
    }

    /// <summary>True when the verdict rests on the declared count alone.</summary>
    public bool IsDeclaredOnly => Load is null;

    /// <summary>The tenants the free connections allow: those held now plus the free connections over the sessions per tenant.</summary>
    public int? ConnectionLimit =>
        Load?.ConnectionsPerTenant is { } perTenant
            ? Tenants.Tenants + (int)Math.Floor(Math.Max(0, Load.Connections.Free) / perTenant)
            : null;

    /// <summary>One sentence: the count, the limit and what sets it, and the connections when measured.</summary>
    public string Describe()
    {
        var count = $"{Tenants.Tenants} of {Tenants.MaxTenants} tenants";
        var limit = LimitedBy == CapacityLimit.Connections && Load?.ConnectionsPerTenant is { } perTenant
            ? $"; at {perTenant:0.##} sessions per tenant its free connections allow {Limit} ({AgainstLimit.Percent} % used)"
            : $" ({Tenants.Percent} %)";
        var connections = Load is null ? "; load not measured" : $"; {Load.Connections.InUse} of {Load.Connections.Usable} connections in use";
        return count + limit + connections;
    }
}
