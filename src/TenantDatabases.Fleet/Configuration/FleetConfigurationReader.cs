using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Validation;

namespace TenantDatabases.Fleet.Configuration;

/// <summary>
/// The one parser from configuration values to <see cref="FleetConfiguration"/>, used by the Pulumi
/// program (values from Pulumi's config as JSON) and by <c>tenantdb</c> (a stack file). It reads and
/// validates in one pass and reports every problem at once, each with its config path.
/// </summary>
public static class FleetConfigurationReader
{
    /// <summary>
    /// Reads <paramref name="config"/>: the top-level keys as in a stack file's <c>config:</c> block
    /// (<c>tenant-databases:servers</c> or <c>servers</c>; keys of other namespaces are ignored).
    /// The configuration is returned even when invalid, so that tools can still show it; check
    /// <see cref="ValidationResult.IsValid"/> before acting on it.
    /// </summary>
    public static ValidationResult Read(ConfigMap config, ConfigOrigin origin)
    {
        var problems = new ProblemList();
        var values = new ConfigValueReader(problems);
        var keys = NamespaceKeys.Select(config, values);
        var settings = StackSettingsReader.Read(keys, values);
        var servers = ServerReader.Read(keys.GetValueOrDefault(ConfigKeys.Servers), origin, settings, values);
        var tenants = TenantReader.Read(keys.GetValueOrDefault(ConfigKeys.Tenants), settings, servers, values);
        var configuration = new FleetConfiguration(settings, servers.Definitions, tenants);
        CapacityRules.Check(configuration, servers, problems);
        return new ValidationResult(configuration, problems.All);
    }
}
