using System.Net.Sockets;
using Npgsql;
using TenantDatabases.Fleet.Outputs;

namespace TenantDatabases.Operations.Connections;

/// <summary>Turns a database or network exception into a short message and a SQLSTATE, without a stack trace.</summary>
public static class ConnectionFailure
{
    /// <summary>The SQLSTATE of <paramref name="error"/> (or of an inner PostgreSQL error), else null.</summary>
    public static string? SqlState(Exception error) => Find<PostgresException>(error)?.SqlState;

    /// <summary>One line describing <paramref name="error"/>: the server's message, or the network cause.</summary>
    public static string Describe(Exception error)
    {
        if (error is TenantConnectionException { InnerException: { } cause } connection)
        {
            return $"cannot connect to {connection.Where}: {Describe(cause)}";
        }
        if (Find<PostgresException>(error) is { } postgres)
        {
            return postgres.MessageText + (postgres.Detail is { Length: > 0 } detail && !detail.Contains("redacted", StringComparison.OrdinalIgnoreCase) ? $" ({detail})" : "");
        }
        if (Find<EndOfStreamException>(error) is not null || (error is NpgsqlException && Find<IOException>(error) is not null))
        {
            return "the connection to the server was lost (it stopped, restarted or became unreachable); rerun when it is back: applied scripts are never applied twice";
        }
        if (error is TimeoutException)
        {
            return error.Message;
        }
        if (IsTimeout(error))
        {
            return $"the server did not answer within the command's time limit (it hangs, or the network dropped the connection): {Find<TimeoutException>(error)?.Message ?? error.Message}";
        }
        if (Find<SocketException>(error) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"the host name does not resolve ({socket.Message})",
                SocketError.ConnectionRefused => "connection refused, nothing listens there",
                // Npgsql's own words often repeat the socket's ("Name or service not known: Name or service not known").
                _ when error.Message.Contains(socket.Message, StringComparison.Ordinal) => error.Message,
                _ => $"{error.Message.TrimEnd('.')}: {socket.Message}",
            };
        }
        if (error is NpgsqlException { InnerException: { } inner } && inner is not NpgsqlException)
        {
            return $"{error.Message.TrimEnd('.')}: {inner.Message}";
        }
        return error.Message;
    }

    /// <summary>True when <paramref name="error"/> is, or was caused by, a time limit running out.</summary>
    public static bool IsTimeout(Exception error) => Find<TimeoutException>(error) is not null;

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T found)
            {
                return found;
            }
        }
        return null;
    }
}

/// <summary>A tenant connection that could not be opened, with where it was tried: host, port and server.</summary>
public sealed class TenantConnectionException(TenantTarget tenant, Exception cause)
    : Exception($"cannot connect to {tenant.Host}:{tenant.Port} (server {tenant.Server})", cause)
{
    /// <summary>The host, port and server, as people read them: <c>pg-eu-1.internal:5432 (server eu-primary)</c>.</summary>
    public string Where { get; } = $"{tenant.Host}:{tenant.Port} (server {tenant.Server})";
}
