namespace TenantDatabases.Cli;

/// <summary>The exit codes of every command (the README lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>Invalid configuration, a failed check or a failed tenant.</summary>
    public const int Failure = 1;

    /// <summary>Usage error, or a file that cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Cancelled by SIGINT or SIGTERM (128 + SIGINT, as shells report Ctrl-C): nothing new was started, the work
    /// in flight finished or rolled back, and the report says where every tenant stands.
    /// </summary>
    public const int Cancelled = 130;
}
