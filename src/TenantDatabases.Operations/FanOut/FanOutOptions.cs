namespace TenantDatabases.Operations.FanOut;

/// <summary>What to do with the tenants not yet started once one has failed.</summary>
public enum OnError
{
    /// <summary>Carry on with every other tenant.</summary>
    Continue,

    /// <summary>Start no further tenant; those running finish.</summary>
    Stop,
}

/// <summary>
/// Limits of a run over many tenants. <see cref="Parallel"/> counts tenants in flight over the whole run;
/// <see cref="PerServer"/> counts connections to any one server, and a tenant in flight holds up to
/// <see cref="ConnectionsPerTenant"/> of them. <see cref="Canary"/> tenants go first, and the run stops if one fails.
/// </summary>
public sealed record FanOutOptions(int Parallel, int PerServer, OnError OnError = OnError.Continue, int Canary = 0, int ConnectionsPerTenant = 1)
{
    /// <summary>Default tenants in flight: the servers' CPUs, not this machine's, are the limit.</summary>
    public const int DefaultParallel = 8;

    /// <summary>Default connections per server: well under PostgreSQL's default max_connections of 100.</summary>
    public const int DefaultPerServer = 10;

    /// <summary>Problems with the limits, each naming its option.</summary>
    public IEnumerable<string> Problems()
    {
        if (Parallel < 1)
        {
            yield return "--parallel must be at least 1.";
        }
        if (PerServer < ConnectionsPerTenant)
        {
            yield return $"--per-server must be at least {ConnectionsPerTenant}: a tenant in flight holds {ConnectionsPerTenant} connection(s) to its server.";
        }
        if (Canary < 0)
        {
            yield return "--canary must be 0 or more.";
        }
    }
}

/// <summary>
/// The two stages of cancelling a run over many tenants, as a cancelled CI job signals them (SIGINT, then
/// SIGTERM): <see cref="Stop"/> starts nothing new (no tenant, no further script) and lets the work in flight
/// finish or roll back; <see cref="Abort"/> ends the work in flight at once, leaving PostgreSQL to roll back the
/// open transactions. Whoever cancels <see cref="Abort"/> cancels <see cref="Stop"/> first.
/// </summary>
public readonly record struct RunCancellation(CancellationToken Stop, CancellationToken Abort)
{
    /// <summary>A run that nothing cancels.</summary>
    public static RunCancellation None => default;

    /// <summary>One token for both stages: cancelling it stops and aborts at once.</summary>
    public static RunCancellation Immediate(CancellationToken cancellationToken) => new(cancellationToken, cancellationToken);

    /// <summary>True once the run was asked to stop (or to abort).</summary>
    public bool IsStopRequested => Stop.IsCancellationRequested || Abort.IsCancellationRequested;

    /// <summary>Why a tenant was not started, as the report says it.</summary>
    public const string NotStartedReason = "not started: the run was cancelled";
}
