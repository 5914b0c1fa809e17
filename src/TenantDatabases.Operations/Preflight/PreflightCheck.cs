namespace TenantDatabases.Operations.Preflight;

/// <summary>One check of one server: what was checked, how it went, and how to fix it when it did not pass.</summary>
/// <param name="Name">A short stable name (<see cref="CheckNames"/>).</param>
/// <param name="Status">Ok, warning or error.</param>
/// <param name="Message">What was found. Never contains a password.</param>
/// <param name="Fix">What to do, or null when nothing is needed.</param>
public sealed record PreflightCheck(string Name, CheckStatus Status, string Message, string? Fix = null)
{
    /// <summary>A passed check.</summary>
    public static PreflightCheck Ok(string name, string message) => new(name, CheckStatus.Ok, message);

    /// <summary>A check that passed with a remark.</summary>
    public static PreflightCheck Warning(string name, string message, string fix) => new(name, CheckStatus.Warning, message, fix);

    /// <summary>A failed check.</summary>
    public static PreflightCheck Error(string name, string message, string fix) => new(name, CheckStatus.Error, message, fix);
}
