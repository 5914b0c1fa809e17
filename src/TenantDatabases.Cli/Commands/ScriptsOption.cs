namespace TenantDatabases.Cli.Commands;

/// <summary>
/// <c>--scripts &lt;DIR&gt;</c>, which means the same on migrate, verify, deploy and <c>migrations</c>: the folder of
/// NNNN_name.sql scripts instead of the migrations/ folder beside Pulumi.yaml.
/// </summary>
internal static class ScriptsOption
{
    public const string Description =
        "The folder of NNNN_name.sql scripts, instead of the migrations/ folder beside Pulumi.yaml (needed where there is no Pulumi.yaml). Example: --scripts migrations";
}
