namespace TenantDatabases.Operations.Preflight;

/// <summary>Every check of one server, in the order they ran.</summary>
/// <param name="Server">The server's name in the stack.</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
/// <param name="Checks">What was checked; checks after a failed connection are not run.</param>
/// <param name="Elapsed">Wall time of this server's checks.</param>
public sealed record ServerReport(string Server, string Host, int Port, IReadOnlyList<PreflightCheck> Checks, TimeSpan Elapsed)
{
    /// <summary>The worst status of any check.</summary>
    public CheckStatus Status => Checks.Count == 0 ? CheckStatus.Ok : Checks.Max(check => check.Status);

    /// <summary>The check named <paramref name="name"/>, or null when it did not run.</summary>
    public PreflightCheck? Find(string name) => Checks.FirstOrDefault(check => check.Name == name);
}
