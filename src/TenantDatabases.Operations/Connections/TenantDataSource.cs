// Connections: a tenant's unpooled connection as its owner, and what a failed connection means.
using Npgsql;
using TenantDatabases.Fleet.Naming;
using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.Connections;

/// <summary>
/// Connections to one tenant database as its owner role (or, for an adopted tenant whose owner password the stack does
/// not hold, as the server's admin acting as the owner after <c>SET ROLE</c>), from a data source the caller disposes
/// when the tenant is done. Pooling is off on purpose: every tenant database is its own Npgsql pool, and a fan-out over hundreds
/// of them would otherwise leave hundreds of idle connections behind on servers whose default max_connections is
/// 100. An explicit data source (rather than a connection string) also keeps Npgsql's global cache of data
/// sources from growing by one per tenant and purpose.
/// </summary>
public static class TenantDataSource
{
    /// <summary>Seconds to wait for a server to accept a connection and the login on it.</summary>
    public const int ConnectTimeoutSeconds = 15;

    /// <summary>Seconds a query may wait for the server's answer, unless the command sets its own limit (scripts do).</summary>
    public const int CommandTimeoutSeconds = 30;

    /// <summary>
    /// Seconds of silence on the connection before the operating system probes the server: a server or network that
    /// vanished during a long script is noticed in about a minute, not when the script's own limit runs out.
    /// </summary>
    public const int TcpKeepAliveSeconds = 30;

    /// <summary>
    /// A data source for <paramref name="tenant"/> whose connections show <paramref name="purpose"/> to the server
    /// as application_name, with the sslMode of the tenant's server: a tenant's password crosses the same network
    /// as the admin's, so it gets the same protection (verify-full checks the certificate and the host name).
    /// </summary>
    public static NpgsqlDataSource Create(TenantTarget tenant, TenantLogin login, string purpose) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder
        {
            Host = tenant.Host,
            Port = tenant.Port,
            Database = tenant.Database,
            Username = login.Username,
            Password = login.Password,
            Pooling = false,
            Timeout = ConnectTimeoutSeconds,
            CommandTimeout = CommandTimeoutSeconds,
            TcpKeepAlive = true,
            TcpKeepAliveTime = TcpKeepAliveSeconds,
            TcpKeepAliveInterval = 10,
            ApplicationName = $"tenantdb {purpose}",
            SslMode = tenant.SslMode.ToNpgsql(),
        }.ConnectionString)
        // Only built-in types are read: skip Npgsql's catalog query for types on every new data source.
        .ConfigureTypeLoading(options => options.EnableTypeLoading(false))
        .Build();

    /// <summary>
    /// Opens a connection of <paramref name="dataSource"/>; a server that accepts the TCP connection and never
    /// answers fails within <see cref="ConnectTimeoutSeconds"/> with a message naming it.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, TenantTarget tenant, TenantLogin login, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (login.SetRole is { } owner)
            {
                // Everything this session creates is the owner's, as if the owner had logged in (invariant 3).
                try
                {
                    await using var setRole = new NpgsqlCommand($"SET ROLE {SqlIdentifier.Quote(owner)}", connection);
                    await setRole.ExecuteNonQueryAsync(cancellationToken);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }
            }
            return connection;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && ConnectionFailure.IsTimeout(error))
        {
            throw new TimeoutException(
                $"no answer from {tenant.Host}:{tenant.Port} (server {tenant.Server}) within {ConnectTimeoutSeconds} s while logging in: " +
                "something accepted the connection but does not speak PostgreSQL, or the server hangs; check the server, and its host and port in the stack", error);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is NpgsqlException or System.Net.Sockets.SocketException)
        {
            // Where it was tried, as preflight says it: a fleet's failures are read by host and server.
            throw new TenantConnectionException(tenant, error);
        }
    }
}

/// <summary>The configuration's sslMode (libpq's) as Npgsql names it.</summary>
public static class NpgsqlSslMode
{
    public static Npgsql.SslMode ToNpgsql(this Fleet.Model.SslMode mode) => mode switch
    {
        Fleet.Model.SslMode.Disable => Npgsql.SslMode.Disable,
        Fleet.Model.SslMode.Allow => Npgsql.SslMode.Allow,
        Fleet.Model.SslMode.Prefer => Npgsql.SslMode.Prefer,
        Fleet.Model.SslMode.Require => Npgsql.SslMode.Require,
        Fleet.Model.SslMode.VerifyCa => Npgsql.SslMode.VerifyCA,
        _ => Npgsql.SslMode.VerifyFull,
    };
}
