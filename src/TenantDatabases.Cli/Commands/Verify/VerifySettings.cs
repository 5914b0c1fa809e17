namespace TenantDatabases.Cli.Commands.Verify;

/// <summary>Options of <c>tenantdb verify</c>: the tenant selection, the report and its format.</summary>
internal sealed class VerifySettings : TenantRunSettings;
