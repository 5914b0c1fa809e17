using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.Verification;

/// <summary>Every check of one tenant database.</summary>
public sealed record TenantVerification(TenantTarget Tenant, IReadOnlyList<CheckResult> Checks, TimeSpan Duration)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(check => check.Passed);

    /// <summary>True when the run never checked this tenant (it stopped or was cancelled first).</summary>
    public bool WasRun => !(Checks is [{ Name: CheckResult.Run, Passed: false }]);

    /// <summary>A tenant the run did not check, and why.</summary>
    public static TenantVerification NotRun(TenantTarget tenant, string reason) =>
        new(tenant, [new CheckResult(CheckResult.Run, false, reason)], TimeSpan.Zero);

    /// <summary>The checks that failed, as one line.</summary>
    public string DescribeFailures() =>
        string.Join("; ", Checks.Where(check => !check.Passed).Select(check => $"{check.Name}: {check.Value}"));
}
