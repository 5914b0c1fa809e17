namespace TenantDatabases.Operations.Preflight;

/// <summary>The reports of every server of a stack, in the stack's order.</summary>
public sealed record PreflightReport(string Stack, IReadOnlyList<ServerReport> Servers, TimeSpan Elapsed)
{
    /// <summary>The worst status of any server.</summary>
    public CheckStatus Status => Servers.Count == 0 ? CheckStatus.Ok : Servers.Max(server => server.Status);
}
