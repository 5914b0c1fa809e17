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
