namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The reports of every server of a stack, in the stack's order; <see cref="Cancelled"/> when the run was cancelled
/// (SIGINT/SIGTERM), and a server it did not finish has a <see cref="CheckNames.Run"/> error that says so.
/// </summary>
public sealed record PreflightReport(string Stack, IReadOnlyList<ServerReport> Servers, TimeSpan Elapsed, bool Cancelled = false)
{
    /// <summary>The worst status of any server.</summary>
    public CheckStatus Status => Servers.Count == 0 ? CheckStatus.Ok : Servers.Max(server => server.Status);
}
