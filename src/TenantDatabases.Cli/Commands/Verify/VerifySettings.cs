using TenantDatabases.Operations.Verification;

namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>Options of <c>tenantdb verify</c>: the tenant selection, the scripts, the report and its format.</summary>
internal sealed class VerifySettings : TenantRunSettings
{
    /// <summary>What these options ask verify to do.</summary>
    public VerificationRequest ToVerificationRequest() => new(ToRequest(), Scripts);
}
