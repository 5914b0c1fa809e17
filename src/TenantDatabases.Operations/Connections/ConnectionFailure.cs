using System.Net.Sockets;
using Npgsql;

namespace TenantDatabases.Operations.Connections;

/// <summary>Turns a database or network exception into a short message and a SQLSTATE, without a stack trace.</summary>
public static class ConnectionFailure
{
    /// <summary>The SQLSTATE of <paramref name="error"/> (or of an inner PostgreSQL error), else null.</summary>
    public static string? SqlState(Exception error) => Find<PostgresException>(error)?.SqlState;

    /// <summary>One line describing <paramref name="error"/>: the server's message, or the network cause.</summary>
    public static string Describe(Exception error)
    {
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
            return $"{error.Message.TrimEnd('.')}: {socket.Message}";
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
