using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.Verification;

/// <summary>Every check of one tenant database.</summary>
public sealed record TenantVerification(TenantTarget Tenant, IReadOnlyList<CheckResult> Checks, TimeSpan Duration)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(check => check.Passed);

    /// <summary>The checks that failed, as one line.</summary>
    public string DescribeFailures() =>
        string.Join("; ", Checks.Where(check => !check.Passed).Select(check => $"{check.Name}: {check.Value}"));
}
