// Servers: one explicit PostgreSQL provider per server.
using Pulumi;
using Pulumi.PostgreSql;
using TenantDatabases.Fleet.Planning;

namespace TenantDatabases.Infra.Servers;

/// <summary>
/// One explicit PostgreSQL provider per server, named after the server alone: renaming a provider
/// would replace every database on it.
/// </summary>
internal static class ServerProviders
{
    // An unreachable server fails the preview in seconds instead of the provider's default 180 s.
    public const int ConnectTimeoutSeconds = 15;

    public static Provider Declare(ServerPlan server, Output<string> adminPassword) =>
        new(server.ProviderName, ArgsFor(server, adminPassword));

    public static ProviderArgs ArgsFor(ServerPlan server, Output<string> adminPassword) => new()
    {
        Host = server.Host,
        Port = server.Port,
        Username = server.Username,
        Password = adminPassword,
        Sslmode = server.SslMode,
        Database = server.AdminDatabase,
        // Managed services never grant superuser; the provider's default (true) breaks refresh there.
        Superuser = false,
        ConnectTimeout = ConnectTimeoutSeconds,
        // The pool the tenant lanes are sized for: why it is small, and why it must stay above the lanes, is there.
        MaxConnections = TenantLanes.ProviderMaxConnections,
    };
}
