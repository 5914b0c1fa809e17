using Npgsql;
using TenantDatabases.Operations.StackOutputs;

namespace TenantDatabases.Operations.Connections;

/// <summary>
/// Connection strings for one tenant database, as its owner role. Pooling is off on purpose: every tenant
/// database is its own Npgsql pool, and a fan-out over hundreds of them would otherwise leave hundreds of
/// idle connections behind on servers whose default max_connections is 100.
/// </summary>
public static class TenantConnectionString
{
    /// <summary>Seconds to wait for a server to accept a connection.</summary>
    public const int ConnectTimeoutSeconds = 15;

    /// <summary>
    /// The connection string of <paramref name="tenant"/> for <paramref name="purpose"/> (shown to the server as
    /// application_name). The outputs carry no sslMode: Prefer uses TLS whenever the server offers it.
    /// </summary>
    public static string For(TenantTarget tenant, string password, string purpose, int commandTimeoutSeconds = 30) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = tenant.Host,
            Port = tenant.Port,
            Database = tenant.Database,
            Username = tenant.Username,
            Password = password,
            Pooling = false,
            Timeout = ConnectTimeoutSeconds,
            CommandTimeout = commandTimeoutSeconds,
            ApplicationName = $"tenantdb {purpose}",
            SslMode = SslMode.Prefer,
            // Npgsql would otherwise keep the password in the connection string after opening.
            PersistSecurityInfo = false,
        }.ConnectionString;
}
