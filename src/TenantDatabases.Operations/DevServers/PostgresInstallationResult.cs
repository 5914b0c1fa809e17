using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Operations.LocalServers;

namespace TenantDatabases.Operations.DevServers;

/// <summary>PostgreSQL's server programs, or the problem saying exactly what to install.</summary>
public sealed record PostgresInstallationResult(PostgresBinaries? Binaries, string? Problem)
{
    /// <summary>True when the programs were found (or installed).</summary>
    [MemberNotNullWhen(true, nameof(Binaries))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Binaries is not null && Problem is null;

    /// <summary>The programs are there.</summary>
    public static PostgresInstallationResult Found(PostgresBinaries binaries) => new(binaries, null);

    /// <summary>They are not, for <paramref name="problem"/>.</summary>
    public static PostgresInstallationResult Missing(string problem) => new(null, problem);
}
