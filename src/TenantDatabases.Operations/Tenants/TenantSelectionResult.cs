using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.Tenants;

/// <summary>
/// The stack outputs a run reads and the tenants it selected; or every problem that stopped it before any tenant
/// was touched. <see cref="Warning"/> is worth printing either way (a saved outputs file others can read).
/// </summary>
public sealed record TenantSelectionResult(
    TenantConnections? Outputs, IReadOnlyList<TenantTarget> Tenants, IReadOnlyList<string> Problems, bool IsUsageProblem, string? Warning)
{
    /// <summary>True when the outputs were read and every filter matched.</summary>
    [MemberNotNullWhen(true, nameof(Outputs))]
    public bool Succeeded => Outputs is not null && Problems.Count == 0;

    internal static TenantSelectionResult Refused(IReadOnlyList<string> problems, bool isUsageProblem, string? warning) =>
        new(null, [], problems, isUsageProblem, warning);
}
