namespace TenantDatabases.Operations.FanOut;

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
