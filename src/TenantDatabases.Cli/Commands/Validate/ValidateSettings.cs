namespace TenantDatabases.Cli.Commands.Validate;

/// <summary>Options of <c>tenantdb validate</c>: <c>--stack</c>, <c>--cwd</c> and <c>--format</c>.</summary>
internal sealed class ValidateSettings : FormatSettings;
