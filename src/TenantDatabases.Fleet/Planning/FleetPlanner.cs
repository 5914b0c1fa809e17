using TenantDatabases.Fleet.Model;
using TenantDatabases.Fleet.Naming;

namespace TenantDatabases.Fleet.Planning;

/// <summary>Turns a valid <see cref="FleetConfiguration"/> into the <see cref="FleetPlan"/> the Pulumi program and the tool carry out.</summary>
public static class FleetPlanner
{
    /// <summary>The Pulumi resource name of a server's provider: derived from the server's name alone, so it never changes.</summary>
    public static string ProviderName(string serverName) => $"server-{serverName}";

    /// <summary>
    /// Plans <paramref name="configuration"/>, which must be valid (<c>ValidationResult.IsValid</c>).
    /// Throws <see cref="ArgumentException"/> for a tenant without a known server rather than leave it out,
    /// because leaving a tenant out of a plan would delete it.
    /// </summary>
    public static FleetPlan Plan(FleetConfiguration configuration)
    {
        var prefix = configuration.Settings.DatabasePrefix;
        var tenants = new List<TenantPlan>(configuration.Tenants.Count);
        foreach (var tenant in configuration.Tenants)
        {
            if (tenant.Server is null || configuration.FindServer(tenant.Server) is not { } server)
            {
                throw new ArgumentException($"Tenant '{tenant.Id}' has no known server; validate the configuration before planning it.", nameof(configuration));
            }
            tenants.Add(new TenantPlan(tenant.Id, server.Name, server.Region,
                TenantNaming.DatabaseName(prefix, tenant.Id), TenantNaming.RoleName(prefix, tenant.Id), tenant.ConnectionLimit,
                TenantProtection.For(configuration.Settings.Protect, tenant.Retire), tenant.Retire, tenant.PasswordVersion));
        }
        var serverPlans = configuration.Servers.Select(server => new ServerPlan(
            server.Name, ProviderName(server.Name), server.Host, server.Port, server.Username, server.Region,
            server.IsDefault, server.SslMode.ToName(), server.MaxTenants, server.AdminDatabase,
            configuration.TenantCountOn(server.Name))).ToList();
        return new FleetPlan(configuration.Settings.Protect, configuration.Settings.Locale, serverPlans, tenants);
    }
}
