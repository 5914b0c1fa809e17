using System.Diagnostics.CodeAnalysis;
using TenantDatabases.Operations.FanOut;
using TenantDatabases.Fleet.Outputs;
using TenantDatabases.Operations.Tenants;

namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// A migration ready to run (its tenants, their outputs and the scripts), or every problem found before any tenant
/// was touched: with the stack outputs or the filters (<see cref="Selection"/>), or with the scripts.
/// </summary>
public sealed record MigrationPreparationResult(
    TenantSelectionResult Selection, MigrationSettings? Settings, FanOutOptions FanOut, IReadOnlyList<string> Problems, bool IsUsageProblem)
{
    /// <summary>The outputs the tenants were read from.</summary>
    public TenantConnections? Outputs => Selection.Outputs;

    /// <summary>The selected tenants.</summary>
    public IReadOnlyList<TenantTarget> Tenants => Selection.Tenants;

    /// <summary>True when the migration can run.</summary>
    [MemberNotNullWhen(true, nameof(Settings), nameof(Outputs))]
    public bool Succeeded => Settings is not null && Outputs is not null && Problems.Count == 0;
}
