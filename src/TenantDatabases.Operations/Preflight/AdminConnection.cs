using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using TenantDatabases.Fleet.Model;
using TenantDatabases.Operations.Connections;
using TenantDatabases.Fleet.Secrets;

namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The admin's connection to a server as the Pulumi provider will make it: no pool (nothing stays open
/// after the check), connect and command timeouts bounded by the preflight timeout. Preflight and adopt connect this
/// way; adopt's session is read-only from its first statement (a startup option, not a statement of its own).
/// </summary>
internal static class AdminConnection
{
    /// <summary>
    /// A data source of the admin on <paramref name="target"/>'s admin database, or on <paramref name="database"/> (a
    /// tenant's, which status reads through the admin's membership in its owner role); <paramref name="purpose"/> is
    /// what the server shows as its application_name; <paramref name="readOnly"/> sessions (adopt's) cannot write.
    /// </summary>
    public static NpgsqlDataSource Create(
        PreflightTarget target, TimeSpan timeout, ILoggerFactory? loggerFactory, string purpose = "preflight", string? database = null,
        bool readOnly = false)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = target.Server.Host,
            Port = target.Server.Port,
            Username = target.Server.Username,
            Password = target.Password,
            Database = database ?? target.Server.AdminDatabase,
            SslMode = target.Server.SslMode.ToNpgsql(),
            Pooling = false,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = -1,
            ApplicationName = $"tenantdb {purpose}",
            Options = readOnly ? "-c default_transaction_read_only=on" : null,
        }.ConnectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (database is not null)
        {
            // Only built-in types are read: one catalog query less per login, which counts over thousands of tenants.
            builder.ConfigureTypeLoading(options => options.EnableTypeLoading(false));
        }
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        return builder.Build();
    }

    /// <summary>The check that failed when opening threw <paramref name="error"/> (TLS or authentication).</summary>
    public static PreflightCheck Classify(Exception error, PreflightTarget target, string? stack = null)
    {
        var server = target.Server;
        var role = server.Username;
        var mask = new SecretMask([target.Password]);
        var message = mask.Apply(error.Message);
        if (error is PostgresException postgres)
        {
            return postgres.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword => PreflightCheck.Error(CheckNames.Authentication,
                    $"Password authentication failed for role \"{role}\" (SQLSTATE 28P01): the stack's password is wrong.",
                    $"Set the admin's current password: {ServerPasswordCommand.For(server.Name, stack)} (when rotating, change it in PostgreSQL first)."),
                PostgresErrorCodes.InvalidAuthorizationSpecification => PreflightCheck.Error(CheckNames.Authentication,
                    $"The server refuses role \"{role}\" from this host (SQLSTATE 28000): {message}",
                    "Allow the role from this address in pg_hba.conf (or the service's firewall/authentication settings), or correct the username."),
                PostgresErrorCodes.InvalidCatalogName => PreflightCheck.Error(CheckNames.Authentication,
                    $"The admin database \"{server.AdminDatabase}\" does not exist (SQLSTATE 3D000).",
                    $"Set servers.{server.Name}.adminDatabase to a database the admin can connect to (usually postgres)."),
                _ => PreflightCheck.Error(CheckNames.Authentication,
                    $"The server refused the connection (SQLSTATE {postgres.SqlState}): {message}",
                    "Check the server's log for this connection."),
            };
        }
        if (IsTlsFailure(error))
        {
            return PreflightCheck.Error(CheckNames.Tls,
                $"TLS as sslMode {server.SslMode.ToName()} asks failed: {mask.Apply(Chain(error))}",
                "Enable TLS on the server, install the CA that signed its certificate (verify-ca/verify-full), or choose the sslMode the server supports.");
        }
        return PreflightCheck.Error(server.SslMode == Fleet.Model.SslMode.Disable ? CheckNames.Authentication : CheckNames.Tls,
            $"The PostgreSQL handshake failed: {message}",
            "Check that host and port point at a PostgreSQL server, and read the server's log.");
    }

    // The handshake's outer exception says only that it failed; the inner ones say why (e.g. an untrusted root).
    private static string Chain(Exception error)
    {
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            var text = current.Message.Trim().TrimEnd('.');
            if (text.Length > 0 && !messages.Contains(text))
            {
                messages.Add(text);
            }
        }
        return string.Join(": ", messages) + ".";
    }

    private static bool IsTlsFailure(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException
                || current.Message.Contains("SSL", StringComparison.OrdinalIgnoreCase)
                || current.Message.Contains("TLS", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>Name resolution and a bare TCP connection, before PostgreSQL's protocol is spoken.</summary>
internal static class NetworkProbe
{
    public static async Task<(PreflightCheck Check, IPAddress[] Addresses)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return (PreflightCheck.Ok(CheckNames.Dns, $"{host} is an IP address."), [literal]);
        }
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length == 0
                ? (NotResolved(host, "no address"), addresses)
                : (PreflightCheck.Ok(CheckNames.Dns, $"{host} resolves to {string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}."), addresses);
        }
        catch (SocketException error)
        {
            return (NotResolved(host, error.SocketErrorCode.ToString()), []);
        }
    }

    public static async Task<PreflightCheck> ConnectAsync(IPAddress[] addresses, string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return PreflightCheck.Ok(CheckNames.Tcp, $"{host}:{port} accepts TCP connections.");
        }
        catch (SocketException error)
        {
            var why = error.SocketErrorCode == SocketError.ConnectionRefused
                ? "connection refused: nothing listens there"
                : error.SocketErrorCode.ToString();
            return PreflightCheck.Error(CheckNames.Tcp, $"Cannot open a TCP connection to {host}:{port} ({why}).",
                "Start the server, or correct the server's host and port; check firewalls and security groups between here and the server.");
        }
    }

    private static PreflightCheck NotResolved(string host, string why) =>
        PreflightCheck.Error(CheckNames.Dns, $"The host name {host} does not resolve ({why}).",
            "Correct the server's host, or make its name resolvable from where tenantdb and Pulumi run.");
}
